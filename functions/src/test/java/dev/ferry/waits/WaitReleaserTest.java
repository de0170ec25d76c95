package dev.ferry.waits;

import dev.ferry.server.WaveProgress;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.sfn.TaskCallbacks;
import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WaitReleaserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAreleaser-token-3e9a";
    private static final WaveProgress PROGRESS = new WaveProgress("wave-a", 3, 2, 1, 0, 0, false, null);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWaitStore waits = new InMemoryWaitStore();
    private final TaskCallbacks callbacks = mock(TaskCallbacks.class);
    private final Wait wait = Wait.open("wave-a", WaitKind.REPLICATION, TOKEN, new TaskAttempt(NOW, 0), "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:wave-a",
            NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(47)));

    WaitReleaserTest() {
        waits.open(wait);
    }

    @Test
    void theWinnerOfTheClaimSendsTheProgressAsTheTasksOutput() {
        when(callbacks.succeed(anyString(), anyString())).thenReturn(TaskCallbacks.Delivery.DELIVERED);

        boolean sent = new WaitReleaser(waits, callbacks, clock).release(wait, PROGRESS);

        assertThat(sent).isTrue();
        verify(callbacks).succeed(TOKEN, "{\"waveId\":\"wave-a\",\"total\":3,\"active\":2,\"failed\":1,\"leftOut\":0,"
                + "\"pending\":0,\"stopped\":false}");
        assertThat(waits.find(wait.waitId()).orElseThrow().status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void aSecondReleaserThatLosesTheClaimSendsNothing() {
        when(callbacks.succeed(anyString(), anyString())).thenReturn(TaskCallbacks.Delivery.DELIVERED);
        WaitReleaser first = new WaitReleaser(waits, callbacks, clock);
        WaitReleaser second = new WaitReleaser(waits, callbacks, clock);

        boolean firstSent = first.release(wait, PROGRESS);
        boolean secondSent = second.release(wait, PROGRESS);

        assertThat(firstSent).isTrue();
        assertThat(secondSent).isFalse();
        verify(callbacks, times(1)).succeed(anyString(), anyString());
    }

    @Test
    void aTaskThatHadAlreadyEndedCountsAsReleased() {
        when(callbacks.succeed(anyString(), anyString())).thenReturn(TaskCallbacks.Delivery.ALREADY_CLOSED);

        new WaitReleaser(waits, callbacks, clock).release(wait, PROGRESS);

        assertThat(waits.find(wait.waitId()).orElseThrow().status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void aCallbackFailureQuotingTheTaskTokenCannotCarryItIntoALog() {
        when(callbacks.succeed(anyString(), anyString()))
                .thenThrow(new IllegalArgumentException("Invalid token: " + TOKEN));

        assertThatThrownBy(() -> new WaitReleaser(waits, callbacks, clock).release(wait, PROGRESS))
                .isInstanceOf(CallbackFailedException.class)
                .hasNoCause()
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void aCallbackThatFailsLeavesTheWaitClaimedSoTheReconcilerSendsItAgain() {
        when(callbacks.succeed(anyString(), anyString())).thenThrow(new IllegalStateException("Step Functions throttled"));

        assertThatThrownBy(() -> new WaitReleaser(waits, callbacks, clock).release(wait, PROGRESS))
                .isInstanceOf(CallbackFailedException.class)
                .hasMessage("Sending the callback of wait " + wait.waitId() + " failed with java.lang.IllegalStateException");

        Wait claimed = waits.find(wait.waitId()).orElseThrow();
        assertThat(claimed.status()).isEqualTo(Wait.Status.RELEASING);
        assertThat(claimed.releasingSince()).isEqualTo(NOW);
    }

    @Test
    void aWaitReplacedByARetriedTaskIsNotReleasedWithTheOldToken() {
        waits.open(Wait.open("wave-a", WaitKind.REPLICATION, "AQCEAAAAKgAAAAMAAAAAAAAAAretried-token",
                new TaskAttempt(NOW, 1), wait.executionArn(),
                NOW, wait.deadline()));

        boolean sent = new WaitReleaser(waits, callbacks, clock).release(wait, PROGRESS);

        assertThat(sent).isFalse();
        verify(callbacks, times(0)).succeed(anyString(), anyString());
    }
}
