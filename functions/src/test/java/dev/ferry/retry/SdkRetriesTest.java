package dev.ferry.retry;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's back-off, waited through the injected sleeper. */
class SdkRetriesTest {

    @Test
    void theSdkIsLeftNothingToWaitOnceTheSleeperWaited() {
        List<Duration> waits = new ArrayList<>();
        SdkRetries.SleeperBackoff backoff = new SdkRetries.SleeperBackoff(
                BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(3)), waits::add);

        assertThat(backoff.computeDelay(2)).isEqualTo(Duration.ZERO);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }
}
