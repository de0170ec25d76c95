package dev.ferry.wave;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code mgnWave} section of a wave definition. */
class MgnWaveSettingsParserTest {

    @Test
    void aWaveWithoutTheSectionAsksForNoMgnWave() {
        assertThat(WaveFiles.parse("minimal-wave.json").mgnWave()).isNull();
    }

    @Test
    void anEmptySectionNamesTheMgnWaveAndApplicationAfterTheWaveId() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("mgnWave");

        MgnWaveSettings settings = WaveDefinitionParser.parse(wave).mgnWave();

        assertThat(settings.waveName("media-wave-1-20260302")).isEqualTo("media-wave-1-20260302");
        assertThat(settings.applicationName("media-wave-1-20260302")).isEqualTo("media-wave-1-20260302");
    }

    @Test
    void anApplicationLeftOutTakesTheMgnWavesName() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("mgnWave").put("name", "Media stack, wave 1");

        MgnWaveSettings settings = WaveDefinitionParser.parse(wave).mgnWave();

        assertThat(settings.waveName("run-7")).isEqualTo("Media stack, wave 1");
        assertThat(settings.applicationName("run-7")).isEqualTo("Media stack, wave 1");
    }

    @Test
    void namesMgnWouldRefuseAreRefusedWithTheirField() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("mgnWave").put("name", " media").put("application", "x".repeat(257));

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).containsExactly(
                        "mgnWave.name: \" media\" is not a name MGN accepts: no leading or trailing space, and no tab, "
                                + "line break or other whitespace than spaces between words",
                        "mgnWave.application: must be 1 to 256 characters long (MGN's limit), not 257"));
    }

    @Test
    void aTypoInTheSectionIsNamed() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("mgnWave").put("applicaton", "media");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).containsExactly(
                        "mgnWave.applicaton: unknown field (did you mean \"application\"?); known fields: name, "
                                + "application"));
    }
}
