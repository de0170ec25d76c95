package dev.ferry.waits;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class BeginWaitServiceTest {

    private static final String RETRIED_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAretried-task";
    /** The task's retry after Step Functions stopped waiting for its first attempt. */
    private static final TaskAttempt RETRY = new TaskAttempt(WaitsHarness.STARTED, 1);

    private final WaitsHarness harness = new WaitsHarness();

    @Test
    void theReplicationWaitsDeadlineCountsFromTheWavesStart() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.clock.advance(Duration.ofHours(2));

        harness.begin(WaitKind.REPLICATION);

        assertThat(harness.wait(WaitKind.REPLICATION).deadline())
                .isEqualTo(WaitsHarness.STARTED.plus(WaitsHarness.LIMITS.replication()));
    }

    @Test
    void aLaunchWaitsDeadlineCountsFromWhenTheLaunchBegins() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.clock.advance(Duration.ofHours(30));
        Instant begun = harness.clock.instant();

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(harness.wait(WaitKind.TEST_LAUNCH).deadline()).isEqualTo(begun.plus(WaitsHarness.LIMITS.launch()));
    }

    @Test
    void theWaitKeepsTheTokenAndTheExecutionOfItsWave() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));

        WaitAcknowledgement ack = harness.begin(WaitKind.REPLICATION);

        Wait wait = harness.wait(WaitKind.REPLICATION);
        assertThat(ack.waitId()).isEqualTo(WaitsHarness.WAVE_ID + "#REPLICATION");
        assertThat(wait.taskToken()).isEqualTo(WaitsHarness.TOKEN);
        assertThat(wait.executionArn()).isEqualTo(WaitsHarness.EXECUTION_ARN);
    }

    @Test
    void activeServersEnterTheAwaitedStageAndFailedServersStayWhereTheyFailed() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        ids.forEach(harness.mgn::initialSync);
        ServerRecord failed = harness.server(ids.get(1)).failed("agent never installed", WaitsHarness.STARTED);
        harness.waves.putServer(failed);

        harness.begin(WaitKind.REPLICATION);

        ServerRecord entered = harness.server(ids.get(0));
        assertThat(entered.stage()).isEqualTo(Stage.REPLICATION);
        assertThat(entered.stageTimes().get(Stage.REPLICATION).start()).isEqualTo(harness.clock.instant());
        assertThat(harness.server(ids.get(1)).stage()).isEqualTo(Stage.PREPARE_LAUNCH);
    }

    @Test
    void aServerAlreadyPastTheAwaitedStageIsNotMovedBack() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.waves.putServer(harness.server(ids.get(0)).enteringStage(Stage.TEST_VALIDATION, harness.clock.instant()));

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(harness.server(ids.get(0)).stage()).isEqualTo(Stage.TEST_VALIDATION);
    }

    @Test
    void aRetriedInvocationWithTheSameTokenKeepsTheWaitItOpened() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.crashAfterNextStart();
        harness.begin(WaitKind.TEST_LAUNCH);
        Wait first = harness.wait(WaitKind.TEST_LAUNCH);

        harness.clock.advance(Duration.ofMinutes(1));
        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(harness.wait(WaitKind.TEST_LAUNCH).deadline()).isEqualTo(first.deadline());
    }

    @Test
    void aRetriedTaskWithANewTokenReplacesTheWait() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);

        harness.beginWait.begin(new BeginWaitRequest(WaitsHarness.WAVE_ID, WaitKind.REPLICATION,
                RETRIED_TOKEN, RETRY));

        assertThat(harness.wait(WaitKind.REPLICATION).taskToken()).isEqualTo(RETRIED_TOKEN);
    }

    @Test
    void aHandlerOfTheFirstAttemptThatRanOnAfterTheRetryNeitherReplacesTheWaitNorReleasesItsOldTask() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.beginWait.begin(new BeginWaitRequest(WaitsHarness.WAVE_ID, WaitKind.REPLICATION,
                RETRIED_TOKEN, RETRY));
        harness.mgn.readyForTest(ids.get(0));

        harness.begin(WaitKind.REPLICATION);

        assertThat(harness.wait(WaitKind.REPLICATION).taskToken()).isEqualTo(RETRIED_TOKEN);
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.RELEASED);
        verify(harness.callbacks).succeed(eq(RETRIED_TOKEN), anyString());
        verify(harness.callbacks, never()).succeed(eq(WaitsHarness.TOKEN), anyString());
    }

    @Test
    void aWaveTheStoreDoesNotKnowFailsTheTask() {
        assertThatThrownBy(() -> harness.beginWait.begin(new BeginWaitRequest("wave-unknown", WaitKind.REPLICATION,
                WaitsHarness.TOKEN, WaitsHarness.FIRST_ATTEMPT)))
                .isInstanceOf(UnknownWaveException.class)
                .hasMessageContaining("wave-unknown");
    }

    @Test
    void theRequestNeverShowsItsTokenWhenPrinted() {
        BeginWaitRequest request = new BeginWaitRequest(WaitsHarness.WAVE_ID, WaitKind.TEST_LAUNCH, WaitsHarness.TOKEN,
                WaitsHarness.FIRST_ATTEMPT);

        assertThat(request.toString()).doesNotContain(WaitsHarness.TOKEN).contains(WaitsHarness.WAVE_ID);
    }
}
