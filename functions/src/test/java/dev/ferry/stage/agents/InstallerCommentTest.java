package dev.ferry.stage.agents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallerCommentTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    /** What comes before the wave ID: "ferry agent install " + the instance + " wave ". */
    private static final int START_LENGTH = 20 + INSTANCE.length() + 6;

    @Test
    void aCommentNamesTheInstanceAndTheWholeWaveIdWhenTheyFit() {
        String comment = InstallerComment.of("agents-wave-1", INSTANCE);

        assertThat(comment).isEqualTo("ferry agent install " + INSTANCE + " wave agents-wave-1");
    }

    @Test
    void aCommentExactlyAtSsmsLimitKeepsTheWholeWaveId() {
        String waveId = "w".repeat(InstallerComment.MAX_LENGTH - START_LENGTH);

        String comment = InstallerComment.of(waveId, INSTANCE);

        assertThat(comment).hasSize(100).endsWith(" wave " + waveId);
    }

    @Test
    void aCommentForALongWaveIdStaysWithinSsmsLimitAndDiffersFromAnotherWavesWithTheSameStart() {
        String longId = "x".repeat(70) + "-a";
        String otherLongId = "x".repeat(70) + "-b";

        String comment = InstallerComment.of(longId, INSTANCE);

        assertThat(comment).hasSize(100).startsWith("ferry agent install " + INSTANCE + " wave xxx");
        assertThat(comment).isNotEqualTo(InstallerComment.of(otherLongId, INSTANCE));
    }

    @Test
    void theSameWaveAndInstanceAlwaysGetTheSameComment() {
        String longId = "y".repeat(90);

        assertThat(InstallerComment.of(longId, INSTANCE)).isEqualTo(InstallerComment.of(longId, INSTANCE));
    }
}
