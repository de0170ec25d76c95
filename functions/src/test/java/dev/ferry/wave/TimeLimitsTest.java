package dev.ferry.wave;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLimitsTest {

    private final TimeLimits limits = new TimeLimits(Duration.ofHours(24), Duration.ofMinutes(45), Duration.ofHours(24),
            Duration.ofMinutes(30), Duration.ofMinutes(60));

    @Test
    void aLaunchStageQueuesOneLaunchLimitPerTwoHundredServersThatMgnLaunchesAtOnce() {
        assertThat(limits.launchQueue(1)).isEqualTo(Duration.ofMinutes(45));
        assertThat(limits.launchQueue(200)).isEqualTo(Duration.ofMinutes(45));
        assertThat(limits.launchQueue(201)).isEqualTo(Duration.ofMinutes(90));
        assertThat(limits.launchQueue(1000)).isEqualTo(Duration.ofMinutes(45 * 5));
    }

    @Test
    void aLaunchStageLastsItsQueueAndOneMoreLaunch() {
        assertThat(limits.launchStage(1000)).isEqualTo(Duration.ofMinutes(45 * 6));
    }
}
