package dev.ferry.stage.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.active;
import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class NotApprovedServiceTest {

    private static final JsonNode REJECTION = JsonNodeFactory.instance.objectNode()
            .put("Error", "ApprovalRejected")
            .put("Cause", "alice@example.com: the backup has not run yet");

    private final Clock clock = Clock.fixed(WaveFixtures.START.plus(Duration.ofHours(30)), ZoneOffset.UTC);
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final FakeMgn mgn = new FakeMgn();
    private final Notifier notifier = mock(Notifier.class);
    private final NotApprovedService service = new NotApprovedService(waves, mgn, notifier, clock);

    @Test
    void aRejectionLeavesTheServersOutNamingWhoRejectedAndWhy() {
        givenWaveWaitingForApproval(1);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.status()).isEqualTo(ServerStatus.LEFT_OUT);
        assertThat(server.failure().stage()).isEqualTo(Stage.APPROVAL);
        assertThat(server.failure().reason())
                .isEqualTo("cutover not approved: rejected by alice@example.com: the backup has not run yet");
    }

    @Test
    void aTimeoutLeavesTheServersOutSayingHowLongTheApprovalWaited() {
        givenWaveWaitingForApproval(1);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "TIMED_OUT",
                JsonNodeFactory.instance.objectNode().put("Error", "States.Timeout")));

        assertThat(waves.server(WAVE_ID, serverId(1)).failure().reason())
                .isEqualTo("cutover not approved: approval timed out after 24 hours");
    }

    @Test
    void theServersGoBackToReadyForTestWithTheirTestInstancesTerminated() {
        givenWaveWaitingForApproval(1);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        assertThat(mgn.calls()).containsExactly(
                "changeLifecycleState " + serverId(1) + " READY_FOR_TEST",
                "terminateTargetInstances " + serverId(1));
        assertThat(mgn.instanceTerminated(serverId(1))).isTrue();
    }

    @Test
    void aServerThatSkippedTheTestHasNoInstanceToTerminate() {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(active(1, Stage.APPROVAL)));
        mgn.server(serverId(1), LifecycleState.READY_FOR_CUTOVER, null);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "TIMED_OUT", null));

        assertThat(mgn.calls()).containsExactly("changeLifecycleState " + serverId(1) + " READY_FOR_TEST");
    }

    @Test
    void theWaveEndsNotApprovedWithTheReason() {
        givenWaveWaitingForApproval(1);

        WaveProgress progress = service.notApproved(new NotApprovedRequest(WAVE_ID, "TIMED_OUT", null));

        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.NOT_APPROVED);
        assertThat(waves.wave(WAVE_ID).reason()).isEqualTo("cutover not approved: approval timed out after 24 hours");
        assertThat(progress.active()).isZero();
        assertThat(progress.leftOut()).isEqualTo(1);
    }

    @Test
    void serversThatFailedEarlierKeepTheirFailure() {
        givenWaveWaitingForApproval(1);
        waves.with(waves.wave(WAVE_ID), List.of(failedValidation(2, Phase.TEST, "refused")));
        mgn.server(serverId(2), LifecycleState.READY_FOR_TEST, null);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        assertThat(waves.server(WAVE_ID, serverId(2)).failure().reason()).isEqualTo("refused");
        assertThat(mgn.calls()).noneMatch(call -> call.contains(serverId(2)));
    }

    @Test
    void peopleGetOneMessageListingTheServersLeftOut() {
        givenWaveWaitingForApproval(2);

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(1)).publish(sent.capture());
        assertThat(sent.getValue().subject()).isEqualTo("Ferry wave media-stack: cutover not approved");
        assertThat(sent.getValue().body()).contains("rejected by alice@example.com", "server-1", "server-2",
                instanceId(1, Phase.TEST));
    }

    @Test
    void aRetryAfterTheWaveWasRecordedChangesAndSendsNothing() {
        givenWaveWaitingForApproval(1);
        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        verify(notifier, times(1)).publish(any());
        assertThat(mgn.calls()).hasSize(2);
        assertThat(waves.waveUpdates()).hasSize(1);
    }

    @Test
    void aRetryAfterACrashBeforeTheWaveWasRecordedStillNamesTheServersLeftOut() {
        givenWaveWaitingForApproval(1);
        ServerRecord leftOutBeforeCrash = waves.server(WAVE_ID, serverId(1))
                .leftOut("cutover not approved: rejected by alice@example.com: the backup has not run yet",
                        clock.instant());
        waves.with(waves.wave(WAVE_ID), List.of(leftOutBeforeCrash));

        service.notApproved(new NotApprovedRequest(WAVE_ID, "REJECTED", REJECTION));

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier).publish(sent.capture());
        assertThat(sent.getValue().body()).contains("server-1");
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.NOT_APPROVED);
    }

    private void givenWaveWaitingForApproval(int servers) {
        List<ServerRecord> waiting = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            waiting.add(passed(i, Phase.TEST).enteringStage(Stage.READY_FOR_CUTOVER, WaveFixtures.START)
                    .enteringStage(Stage.APPROVAL, WaveFixtures.START));
            mgn.server(serverId(i), LifecycleState.READY_FOR_CUTOVER, instanceId(i, Phase.TEST));
        }
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), waiting);
    }
}
