package dev.ferry.mgn;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How MGN's {@code lagDuration} is read: any value MGN sends keeps the server launchable. */
class MgnMappingTest {

    @Test
    void aTimeBasedDurationIsReadExactly() {
        assertThat(MgnMapping.lag("s-1", "PT0.5S")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aDateBasedPeriodIsReadAsItsDays() {
        assertThat(MgnMapping.lag("s-1", "P1W")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anUnreadableValueIsZeroRatherThanNoLag() {
        assertThat(MgnMapping.lag("s-1", "soon")).isEqualTo(Duration.ZERO);
    }
}
