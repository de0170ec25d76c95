package dev.ferry.stage.launch;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.Policies;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.failedLaunch;
import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class SettleServiceTest {

    private final Clock clock = Clock.fixed(WaveFixtures.START.plus(Duration.ofHours(3)), ZoneOffset.UTC);
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final FakeMgn mgn = new FakeMgn();
    private final Notifier notifier = mock(Notifier.class);
    private final SettleService service = new SettleService(waves, mgn, notifier, clock);

    @Test
    void aServerThatFailedTheTestIsPutBackToReadyForTestBeforeItsTestInstanceIsTerminated() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.calls()).containsExactly(
                "changeLifecycleState " + serverId(1) + " READY_FOR_TEST",
                "terminateTargetInstances " + serverId(1));
        assertThat(mgn.lifecycle(serverId(1))).isEqualTo(LifecycleState.READY_FOR_TEST);
        assertThat(mgn.instanceTerminated(serverId(1))).isTrue();
    }

    @Test
    void aServerAlreadyReadyForTestIsNotChangedAgain() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"));
        mgn.server(serverId(1), LifecycleState.READY_FOR_TEST, instanceId(1, Phase.TEST));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.calls()).containsExactly("terminateTargetInstances " + serverId(1));
    }

    @Test
    void aConflictOnTheLifecycleChangeIsTakenAsAlreadyDone() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST))
                .conflictingAfterChange("changeLifecycleState", serverId(1));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(progress.failed()).isEqualTo(1);
        assertThat(mgn.instanceTerminated(serverId(1))).isTrue();
    }

    @Test
    void aServerWhoseLaunchFailedWithoutAnInstanceIsNotTerminated() {
        givenWave(OnServerFailure.CONTINUE, failedLaunch(1, Phase.TEST, "launch FAILED in job mgnjob-1"));
        mgn.server(serverId(1), LifecycleState.TESTING, null);

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.calls()).containsExactly("changeLifecycleState " + serverId(1) + " READY_FOR_TEST");
    }

    @Test
    void instancesAreTerminatedInBatchesOfAtMostOneHundred() {
        List<ServerRecord> failed = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            failed.add(failedValidation(i, Phase.TEST, "refused"));
            mgn.server(serverId(i), LifecycleState.TESTING, instanceId(i, Phase.TEST));
        }
        givenWave(OnServerFailure.CONTINUE, failed.toArray(ServerRecord[]::new));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.terminateRequests()).extracting(List::size).containsExactly(100, 50);
    }

    @Test
    void terminationsBeyondMgnsRoomForJobsWaitForTheRetryWhichDoesNotRepeatTheOthers() {
        List<ServerRecord> failed = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            failed.add(failedValidation(i, Phase.TEST, "refused"));
            mgn.server(serverId(i), LifecycleState.TESTING, instanceId(i, Phase.TEST));
        }
        givenWave(OnServerFailure.CONTINUE, failed.toArray(ServerRecord[]::new));
        mgn.at(clock.instant());

        assertThatThrownBy(() -> service.settle(new PhaseRequest(WAVE_ID, Phase.TEST)))
                .isInstanceOf(MgnQuotaExceededException.class)
                .hasMessage("50 servers' instances wait to be terminated: queued behind 200 servers in 2 active MGN "
                        + "jobs; the stage is retried once they finish");
        verify(notifier, never()).publish(any());
        mgn.finishJobs();
        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.terminateRequests()).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(mgn.terminateRequests().get(2)).first().isEqualTo(serverId(201));
        assertThat(failed).allSatisfy(server -> assertThat(mgn.instanceTerminated(server.sourceServerId())).isTrue());
        verify(notifier, times(1)).publish(any());
    }

    @Test
    void aBatchRefusedBecauseOfOneServerIsTerminatedServerByServer() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "refused"),
                failedValidation(2, Phase.TEST, "refused"));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST))
                .server(serverId(2), LifecycleState.TESTING, instanceId(2, Phase.TEST))
                .failing("terminateTargetInstances", serverId(1), new MgnConflictException("in an active job", null));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(mgn.terminateRequests())
                .containsExactly(List.of(serverId(1), serverId(2)), List.of(serverId(1)), List.of(serverId(2)));
        assertThat(mgn.instanceTerminated(serverId(2))).isTrue();
    }

    @Test
    void oneMessageNamesEveryFailedServerAndWhy() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"),
                failedLaunch(2, Phase.TEST, "launch FAILED in job mgnjob-2"), passed(3, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST))
                .server(serverId(2), LifecycleState.TESTING, null);

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        Notification message = onlyMessage();
        assertThat(message.subject()).isEqualTo("Ferry wave media-stack: 2 servers failed the test");
        assertThat(message.body()).contains("server-1", "HTTP answered 503", "server-2", "launch FAILED in job mgnjob-2")
                .contains("The wave goes on with the 1 server still active.")
                .doesNotContain("server-3");
    }

    @Test
    void aRetriedSettleNeitherTellsPeopleAgainNorCallsMgnAgain() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));
        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));
        int callsAfterFirst = mgn.calls().size();

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(notifier, times(1)).publish(any());
        assertThat(mgn.calls()).hasSize(callsAfterFirst);
    }

    @Test
    void aSettledServerKeepsItsFailureAndTheStageItFailedIn() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(server.stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(server.failure().reason()).isEqualTo("HTTP answered 503");
        assertThat(server.stageTimes().get(Stage.TEST_VALIDATION).end()).isEqualTo(clock.instant());
    }

    @Test
    void aFailureUnderTheStopPolicyStopsTheWaveWithAReason() {
        givenWave(OnServerFailure.STOP, failedValidation(1, Phase.TEST, "HTTP answered 503"), passed(2, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(progress.stopped()).isTrue();
        assertThat(progress.stopReason())
                .isEqualTo("1 server failed the test (server-1) and the wave's policy is to stop when a server fails");
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.STOPPED);
        assertThat(onlyMessage().body()).contains("The wave stops");
    }

    @Test
    void aFailureUnderTheContinuePolicyLeavesTheWaveRunning() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "HTTP answered 503"), passed(2, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(progress.stopped()).isFalse();
        assertThat(progress.active()).isEqualTo(1);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.RUNNING);
    }

    @Test
    void noFailureMeansNoMessageAndNoMgnCall() {
        givenWave(OnServerFailure.STOP, passed(1, Phase.TEST));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        verify(notifier, never()).publish(any());
        assertThat(mgn.calls()).isEmpty();
        assertThat(progress.stopped()).isFalse();
    }

    @Test
    void serversThatPassedTheTestStayWhereTheyAreForMarkReady() {
        givenWave(OnServerFailure.CONTINUE, passed(1, Phase.TEST));

        service.settle(new PhaseRequest(WAVE_ID, Phase.TEST));

        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.TEST_VALIDATION);
    }

    @Test
    void aServerThatFailedTheCutoverIsPutBackToReadyForCutoverThenTerminated() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.CUTOVER, "TCP port 22: refused"));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));

        service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        assertThat(mgn.calls()).containsExactly(
                "changeLifecycleState " + serverId(1) + " READY_FOR_CUTOVER",
                "terminateTargetInstances " + serverId(1));
        assertThat(mgn.instanceTerminated(serverId(1))).isTrue();
    }

    @Test
    void aServerMgnShowsFinalizedIsNeitherMovedBackNorTerminated() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.CUTOVER, "TCP port 22: refused"));
        mgn.finalizedServer(serverId(1), false);

        service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        assertThat(mgn.calls()).isEmpty();
    }

    @Test
    void serversThatPassedTheCutoverMoveOnToFinalize() {
        givenWave(OnServerFailure.CONTINUE, passed(1, Phase.CUTOVER));

        service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.stage()).isEqualTo(Stage.FINALIZE);
        assertThat(server.isActive()).isTrue();
    }

    @Test
    void serversThatPassedTheCutoverAreCutOverWhenTheWaveDoesNotFinalize() {
        WaveRecord wave = WaveFixtures.wave(new Policies(OnServerFailure.CONTINUE, false, false, false),
                WaveFixtures.noChecks());
        waves.with(wave, List.of(passed(1, Phase.CUTOVER)));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.status()).isEqualTo(ServerStatus.CUT_OVER);
        assertThat(server.stage()).isEqualTo(Stage.DONE);
        assertThat(progress.active()).isEqualTo(1);
    }

    @Test
    void serversThatPassedTheCutoverDoNotMoveOnWhenTheWaveStops() {
        givenWave(OnServerFailure.STOP, failedValidation(1, Phase.CUTOVER, "refused"), passed(2, Phase.CUTOVER));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));

        service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        assertThat(waves.server(WAVE_ID, serverId(2)).stage()).isEqualTo(Stage.CUTOVER_VALIDATION);
    }

    @Test
    void failuresOfTheTestAreNotSettledAgainAfterTheCutover() {
        givenWave(OnServerFailure.STOP, failedValidation(1, Phase.TEST, "refused"), passed(2, Phase.CUTOVER));

        WaveProgress progress = service.settle(new PhaseRequest(WAVE_ID, Phase.CUTOVER));

        assertThat(mgn.calls()).isEmpty();
        verify(notifier, never()).publish(any());
        assertThat(progress.stopped()).isFalse();
    }

    private void givenWave(OnServerFailure policy, ServerRecord... servers) {
        waves.with(WaveFixtures.wave(policy), List.of(servers));
    }

    private Notification onlyMessage() {
        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(1)).publish(sent.capture());
        return sent.getValue();
    }
}
