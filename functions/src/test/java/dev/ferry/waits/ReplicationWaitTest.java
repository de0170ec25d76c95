package dev.ferry.waits;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.metrics.EmfLines;
import dev.ferry.metrics.MetricNames;
import dev.ferry.notify.Notification;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ReplicationWaitTest {

    private final WaitsHarness harness = new WaitsHarness();

    @Test
    void whenEveryServerIsReadyForTestingTheWaitIsReleasedOnceWithTheWavesCounts() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        ids.forEach(harness.mgn::readyForTest);

        WaitAcknowledgement ack = harness.begin(WaitKind.REPLICATION);
        harness.sweep.sweepAll();

        assertThat(ack.attempt()).isEqualTo(WaitAttempt.RELEASED);
        assertThat(harness.callbacksSent()).isEqualTo(1);
        assertThat(harness.sentProgress())
                .isEqualTo(new WaveProgress(WaitsHarness.WAVE_ID, 2, 2, 0, 0, 0, false, null));
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void oneServerStillInItsInitialSyncKeepsTheWaitOpen() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.initialSync(ids.get(1));

        WaitAcknowledgement ack = harness.begin(WaitKind.REPLICATION);

        assertThat(ack.attempt()).isEqualTo(WaitAttempt.WAITING);
        assertThat(harness.callbacksSent()).isZero();
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.PENDING);
    }

    @Test
    void everyReplicationLagReadFromMgnIsAMetricLineNamingItsServerAndAServerWithoutLagGivesNone() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.initialSync(ids.get(1));

        List<JsonNode> lines = EmfLines.during(() -> harness.begin(WaitKind.REPLICATION));

        assertThat(lines).filteredOn(line -> line.has(MetricNames.REPLICATION_LAG)).singleElement()
                .satisfies(line -> {
                    assertThat(line.path(MetricNames.REPLICATION_LAG).asDouble()).isEqualTo(2.0);
                    assertThat(line.path(MetricNames.SERVER_PROPERTY).asText()).isEqualTo(ids.get(0));
                    assertThat(line.path(MetricNames.WAVE_PROPERTY).asText()).isEqualTo(WaitsHarness.WAVE_ID);
                });
    }

    @Test
    void aServerReadyForTestingWhoseLagMgnDoesNotKnowYetKeepsTheWaitOpen() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.readyWithoutLag(ids.get(0));

        harness.begin(WaitKind.REPLICATION);

        assertThat(harness.callbacksSent()).isZero();
    }

    @Test
    void theWaitIsReleasedOnTheFirstEvaluationAfterTheLastServerBecomesReady() {
        List<String> ids = givenAReplicationWaitWithTheSecondServerStillSyncing(OnServerFailure.CONTINUE);

        harness.mgn.readyForTest(ids.get(1));
        harness.clock.advance(Duration.ofHours(3));
        SweepReport report = harness.sweep.sweepAll();

        assertThat(report.released()).isEqualTo(1);
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    @Test
    void theServersLastSeenStatesAreRecorded() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));

        harness.begin(WaitKind.REPLICATION);

        ServerRecord.MgnStates seen = harness.server(ids.get(0)).lastSeen();
        assertThat(seen.lifecycle()).isEqualTo("NOT_READY");
        assertThat(seen.replication()).isEqualTo("INITIAL_SYNC");
        assertThat(seen.lagDuration()).isNull();
        assertThat(seen.readAt()).isEqualTo(harness.clock.instant());
    }

    @Test
    void evaluatingAgainWithUnchangedMgnStateWritesNothingAndCallsNothingThatChangesMgn() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 2);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.stalled(ids.get(1), "AGENT_NOT_SEEN");
        harness.begin(WaitKind.REPLICATION);
        harness.clock.advance(Duration.ofHours(3));
        harness.sweep.sweepAll();
        int writes = harness.waves.serverWrites().size();

        harness.clock.advance(Duration.ofMinutes(5));
        harness.sweep.sweepAll();

        assertThat(harness.waves.serverWrites()).hasSize(writes);
        assertThat(harness.mgn.calls()).filteredOn(call -> call.equals("retryDataReplication " + ids.get(1))).hasSize(1);
        verify(harness.notifier, times(1)).publish(any());
    }

    @Test
    void aStalledServerIsRecordedWithTheTimeTheStallWasFirstSeen() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.stalled(ids.get(0), "AGENT_NOT_SEEN");

        harness.begin(WaitKind.REPLICATION);
        var firstSeen = harness.clock.instant();
        harness.clock.advance(Duration.ofMinutes(10));
        harness.sweep.sweepAll();

        assertThat(harness.server(ids.get(0)).stall()).isEqualTo(new ServerRecord.Stall(firstSeen, false, false));
    }

    @Test
    void peopleAreToldOnceAboutAStallThatOutlastsTheNoticeTime() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.stalled(ids.get(0), "AGENT_NOT_SEEN");
        harness.begin(WaitKind.REPLICATION);
        var since = harness.clock.instant();

        harness.clock.advance(Duration.ofMinutes(29));
        harness.sweep.sweepAll();
        assertThat(harness.notifications()).isEmpty();
        harness.clock.advance(Duration.ofMinutes(1));
        harness.sweep.sweepAll();
        harness.clock.advance(Duration.ofMinutes(10));
        harness.sweep.sweepAll();

        List<Notification> sent = harness.notifications();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).subject()).isEqualTo("Ferry wave media: replication stalled on 1 server");
        assertThat(sent.get(0).body())
                .contains("app-00001 (" + ids.get(0) + "): stalled since " + since)
                .contains("replication error: AGENT_NOT_SEEN");
        assertThat(harness.server(ids.get(0)).stall().notified()).isTrue();
    }

    @Test
    void ferryRetriesAStalledReplicationOnceAfterTheRetryTime() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.stalled(ids.get(0), "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER");
        harness.begin(WaitKind.REPLICATION);

        harness.clock.advance(Duration.ofMinutes(119));
        harness.sweep.sweepAll();
        assertThat(harness.mgn.calls()).noneMatch(call -> call.startsWith("retryDataReplication"));
        harness.clock.advance(Duration.ofMinutes(1));
        harness.sweep.sweepAll();
        harness.clock.advance(Duration.ofMinutes(30));
        harness.sweep.sweepAll();

        assertThat(harness.mgn.calls()).filteredOn(call -> call.equals("retryDataReplication " + ids.get(0))).hasSize(1);
        assertThat(harness.server(ids.get(0)).stall().retried()).isTrue();
    }

    @Test
    void aServerWhoseReplicationRecoversLosesItsStall() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.stalled(ids.get(0), "AGENT_NOT_SEEN");
        harness.begin(WaitKind.REPLICATION);

        harness.mgn.initialSync(ids.get(0));
        harness.clock.advance(Duration.ofMinutes(10));
        harness.sweep.sweepAll();

        assertThat(harness.server(ids.get(0)).stall()).isNull();
    }

    @Test
    void aStallAfterARecoveryIsANewStallThatIsRetriedAgain() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.stalled(ids.get(0), "AGENT_NOT_SEEN");
        harness.begin(WaitKind.REPLICATION);
        harness.clock.advance(Duration.ofHours(2));
        harness.sweep.sweepAll();
        harness.mgn.initialSync(ids.get(0));
        harness.sweep.sweepAll();

        harness.mgn.stalled(ids.get(0), "AGENT_NOT_SEEN");
        harness.sweep.sweepAll();
        harness.clock.advance(Duration.ofHours(2));
        harness.sweep.sweepAll();

        assertThat(harness.mgn.calls()).filteredOn(call -> call.equals("retryDataReplication " + ids.get(0))).hasSize(2);
    }

    @Test
    void atTheDeadlineUnderContinueTheServersNotReadyAreLeftOutWithTheirReplicationState() {
        List<String> ids = givenAReplicationWaitWithTheSecondServerStillSyncing(OnServerFailure.CONTINUE);

        sweepAtTheReplicationDeadline();

        ServerRecord leftOut = harness.server(ids.get(1));
        assertThat(leftOut.status()).isEqualTo(ServerStatus.LEFT_OUT);
        assertThat(leftOut.failure().reason())
                .isEqualTo("not ready for testing within 48 hours: lifecycle NOT_READY, replication INITIAL_SYNC");
        assertThat(harness.sentProgress())
                .isEqualTo(new WaveProgress(WaitsHarness.WAVE_ID, 2, 1, 0, 1, 0, false, null));
    }

    @Test
    void atTheDeadlineUnderContinuePeopleAreToldWhichServersWereLeftOut() {
        List<String> ids = givenAReplicationWaitWithTheSecondServerStillSyncing(OnServerFailure.CONTINUE);

        sweepAtTheReplicationDeadline();

        assertThat(harness.notifications()).singleElement().satisfies(notice -> {
            assertThat(notice.subject()).isEqualTo("Ferry wave media: 1 server left out, not ready for testing in time");
            assertThat(notice.body()).contains("app-00002 (" + ids.get(1) + "): lifecycle NOT_READY, replication INITIAL_SYNC")
                    .doesNotContain(ids.get(0));
        });
    }

    @Test
    void atTheDeadlineUnderStopTheWaveStopsWithAReasonNamingTheServersNotReady() {
        List<String> ids = givenAReplicationWaitWithTheSecondServerStillSyncing(OnServerFailure.STOP);

        harness.clock.set(WaitsHarness.STARTED.plus(WaitsHarness.LIMITS.replication()).plusSeconds(1));
        harness.sweep.sweepAll();

        String reason = "1 server not ready for testing within 48 hours: app-00002 (" + ids.get(1) + ")";
        assertThat(harness.wave().status()).isEqualTo(WaveStatus.STOPPED);
        assertThat(harness.wave().reason()).isEqualTo(reason);
        assertThat(harness.sentProgress())
                .isEqualTo(new WaveProgress(WaitsHarness.WAVE_ID, 2, 2, 0, 0, 0, true, reason));
        assertThat(harness.notifications()).singleElement()
                .satisfies(notice -> assertThat(notice.subject()).isEqualTo(
                        "Ferry wave media stopped: 1 server not ready for testing in time"));
    }

    @Test
    void aServerMgnNoLongerKnowsIsLeftOutAtTheDeadlineSayingSo() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.begin(WaitKind.REPLICATION);

        sweepAtTheReplicationDeadline();

        assertThat(harness.server(ids.get(0)).failure().reason())
                .isEqualTo("not ready for testing within 48 hours: not found in MGN");
    }

    @Test
    void afterTheDeadlineNothingStartsLaunchesOrRetriesReplication() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);

        sweepAtTheReplicationDeadline();
        harness.sweep.sweepAll();

        assertThat(harness.mgn.startTestRequests()).isEmpty();
        assertThat(harness.mgn.calls()).noneMatch(call -> call.startsWith("retryDataReplication"));
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    /** Two servers in a replication wait: the first ready for testing, the second still in its initial sync. */
    private List<String> givenAReplicationWaitWithTheSecondServerStillSyncing(OnServerFailure policy) {
        List<String> ids = harness.givenWave(policy, 2);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.initialSync(ids.get(1));
        harness.begin(WaitKind.REPLICATION);
        return ids;
    }

    /** Evaluates the waits at the very instant the replication time limit runs out. */
    private void sweepAtTheReplicationDeadline() {
        harness.clock.set(WaitsHarness.STARTED.plus(WaitsHarness.LIMITS.replication()));
        harness.sweep.sweepAll();
    }
}
