package dev.ferry.waits;

import dev.ferry.server.WaveProgress;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class WaitSweepTest {

    private final WaitsHarness harness = new WaitsHarness();

    /** A wait claimed by an evaluator that crashed before sending the callback. */
    private void aClaimedWaitWhoseCallbackWasLost() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);
        harness.waits.claim(Wait.idOf(WaitsHarness.WAVE_ID, WaitKind.REPLICATION), WaitsHarness.TOKEN,
                harness.clock.instant());
    }

    /**
     * A replication wait on one ready server, opened without an evaluation and leased from now on,
     * as an evaluator that is still running (or crashed) leaves it.
     */
    private void givenAnOpenReplicationWaitLeasedFor(Duration lease) {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.waits.open(Wait.open(WaitsHarness.WAVE_ID, WaitKind.REPLICATION, WaitsHarness.TOKEN,
                WaitsHarness.FIRST_ATTEMPT, WaitsHarness.EXECUTION_ARN, harness.clock.instant(), harness.clock.instant().plus(Duration.ofHours(40))));
        harness.waits.tryLease(Wait.idOf(WaitsHarness.WAVE_ID, WaitKind.REPLICATION), harness.clock.instant(), lease);
    }

    @Test
    void aClaimedWaitWhoseCallbackWasNotRecordedAsSentIsSentAgainAfterAFewMinutes() {
        aClaimedWaitWhoseCallbackWasLost();

        harness.clock.advance(Duration.ofMinutes(4));
        SweepReport report = harness.sweep.sweepAll();

        assertThat(report.resent()).isEqualTo(1);
        assertThat(harness.sentProgress()).isEqualTo(new WaveProgress(WaitsHarness.WAVE_ID, 1, 1, 0, 0, 0, false, null));
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void aWaitClaimedAMomentAgoIsLeftToTheEvaluatorSendingItsCallback() {
        aClaimedWaitWhoseCallbackWasLost();

        harness.clock.advance(Duration.ofSeconds(30));
        SweepReport report = harness.sweep.sweepAll();

        assertThat(report.skipped()).isEqualTo(1);
        verify(harness.callbacks, never()).succeed(anyString(), anyString());
    }

    @Test
    void aWaitWhoseLeaseAnotherEvaluatorHoldsIsSkippedWithoutReadingMgn() {
        givenAnOpenReplicationWaitLeasedFor(Duration.ofMinutes(2));

        SweepReport report = harness.sweep.sweepAll();

        assertThat(report).isEqualTo(new SweepReport(1, 0, 0, 0, 1, 0, 0));
        assertThat(harness.mgn.requests()).isEmpty();
        verifyNoInteractions(harness.callbacks);
    }

    @Test
    void aLeaseLeftBehindByACrashedEvaluatorExpires() {
        givenAnOpenReplicationWaitLeasedFor(WaitSweep.LEASE);

        harness.clock.advance(WaitSweep.LEASE);
        SweepReport report = harness.sweep.sweepAll();

        assertThat(report.released()).isEqualTo(1);
    }

    @Test
    void theLeaseIsGivenBackAfterTheEvaluation() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));

        harness.begin(WaitKind.REPLICATION);

        assertThat(harness.waits.isLeased(Wait.idOf(WaitsHarness.WAVE_ID, WaitKind.REPLICATION),
                harness.clock.instant())).isFalse();
    }

    @Test
    void oneWaitsFailureIsCountedAndDoesNotKeepTheOthersFromBeingEvaluated() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.waits.open(Wait.open("wave-that-was-deleted", WaitKind.REPLICATION, "AQCEAAAAKgAAAAMAAAAAAAAAAother",
                WaitsHarness.FIRST_ATTEMPT, WaitsHarness.EXECUTION_ARN, harness.clock.instant(), harness.clock.instant().plus(Duration.ofHours(1))));
        harness.waits.open(Wait.open(WaitsHarness.WAVE_ID, WaitKind.REPLICATION, WaitsHarness.TOKEN,
                WaitsHarness.FIRST_ATTEMPT, WaitsHarness.EXECUTION_ARN, harness.clock.instant(), harness.clock.instant().plus(Duration.ofHours(40))));

        SweepReport report = harness.sweep.sweepAll();

        assertThat(report).isEqualTo(new SweepReport(2, 1, 0, 0, 0, 1, 0));
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void aFailureReadingMgnLeavesTheWaitOpenForTheNextEvaluation() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.failing("describeSourceServers", ids.get(0), new IllegalStateException("throttled"));

        WaitAcknowledgement ack = harness.begin(WaitKind.REPLICATION);

        assertThat(ack.attempt()).isEqualTo(WaitAttempt.FAILED);
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.PENDING);
        assertThat(harness.waits.isLeased(ack.waitId(), harness.clock.instant())).isFalse();
    }
}
