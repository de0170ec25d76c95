package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> VALUED = Set.of("region", "stack");
    private static final Set<String> OPTIONAL = Set.of("watch");

    @Test
    void positionalArgumentsAndOptionsAreToldApartAndAnOptionalValueMayBeLeftOut() {
        Arguments bare = parse("media-wave", "--watch", "--region", "eu-central-1");
        Arguments valued = parse("--watch", "30", "media-wave");

        assertThat(bare.single("WAVE")).isEqualTo("media-wave");
        assertThat(bare.option("region")).contains("eu-central-1");
        assertThat(bare.number("watch", 10, 1, 3600)).isEqualTo(10);
        assertThat(valued.single("WAVE")).isEqualTo("media-wave");
        assertThat(valued.number("watch", 10, 1, 3600)).isEqualTo(30);
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> parse("media-wave", "--regoin", "eu-central-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status: unknown option --regoin");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> parse("media-wave", "--region"))
                .hasMessage("status: --region needs a value");
        assertThatThrownBy(() -> parse("--stack", "--region", "eu-central-1"))
                .hasMessage("status: --stack needs a value");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertThatThrownBy(() -> parse("--stack", "a", "--stack", "b")).hasMessage("status: --stack is given twice");
    }

    @Test
    void aNumberOutOfItsRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> parse("--watch", "0").number("watch", 10, 1, 3600))
                .hasMessage("status: --watch must be a whole number from 1 to 3600, not '0'");
    }

    @Test
    void aMissingOrSecondPositionalArgumentIsNamed() {
        assertThatThrownBy(() -> parse().single("WAVE")).hasMessage("status takes one WAVE");
        assertThatThrownBy(() -> parse("a", "b").single("WAVE")).hasMessage("status takes one WAVE, not 2 (a b)");
    }

    private static Arguments parse(String... arguments) {
        return Arguments.parse("status", List.of(arguments), VALUED, OPTIONAL);
    }
}
