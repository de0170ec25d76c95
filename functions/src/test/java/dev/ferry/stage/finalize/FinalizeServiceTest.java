package dev.ferry.stage.finalize;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnThrottledException;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.StageBusyException;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.InMemoryStageLeases;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.Policies;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinalizeServiceTest {

    private final Clock clock = Clock.fixed(WaveFixtures.START.plus(Duration.ofHours(40)), ZoneOffset.UTC);
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final FakeMgn mgn = new FakeMgn();
    private final InMemoryStageLeases leases = new InMemoryStageLeases();
    private final FinalizeService service = new FinalizeService(waves, leases, mgn, clock);

    @Test
    void anAttemptWhileAnotherStillHoldsTheStageChangesNothingAndIsBusy() {
        givenWave(true, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        leases.tryTake(WAVE_ID, Stage.FINALIZE, "the attempt Step Functions gave up on", clock.instant(),
                Duration.ofMinutes(6));

        assertThatThrownBy(() -> service.finalizeCutover(new WaveRef(WAVE_ID)))
                .isInstanceOf(StageBusyException.class)
                .hasMessageContaining(WAVE_ID);
        assertThat(mgn.calls()).isEmpty();
        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.FINALIZE);
    }

    @Test
    void anAttemptGivesTheStageBackWhenItEndsSoThatTheRetryFindsTheWorkDone() {
        givenWave(true, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));

        service.finalizeCutover(new WaveRef(WAVE_ID));
        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(leases.isHeld(WAVE_ID, Stage.FINALIZE, clock.instant())).isFalse();
        assertThat(mgn.calls()).containsExactly("finalizeCutover " + serverId(1), "markAsArchived " + serverId(1));
    }

    @Test
    void aServerThatPassedTheCutoverIsFinalizedArchivedAndCutOver() {
        givenWave(true, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));

        WaveProgress progress = service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).containsExactly("finalizeCutover " + serverId(1), "markAsArchived " + serverId(1));
        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.status()).isEqualTo(ServerStatus.CUT_OVER);
        assertThat(server.stage()).isEqualTo(Stage.DONE);
        assertThat(server.stageTimes().get(Stage.FINALIZE).end()).isEqualTo(clock.instant());
        assertThat(progress.active()).isEqualTo(1);
    }

    @Test
    void aServerIsNotArchivedWhenTheWaveDoesNotAskForIt() {
        givenWave(false, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).containsExactly("finalizeCutover " + serverId(1));
        assertThat(mgn.isArchived(serverId(1))).isFalse();
    }

    @Test
    void aServerMgnAlreadyFinalizedIsOnlyArchived() {
        givenWave(true, readyToFinalize(1));
        mgn.finalizedServer(serverId(1), false);

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).containsExactly("markAsArchived " + serverId(1));
        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.CUT_OVER);
    }

    @Test
    void aServerAlreadyFinalizedAndArchivedNeedsNoCall() {
        givenWave(true, readyToFinalize(1));
        mgn.finalizedServer(serverId(1), true);

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).isEmpty();
        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.CUT_OVER);
    }

    @Test
    void aServerMgnRefusesToFinalizeFailsAloneWithTheReason() {
        givenWave(true, readyToFinalize(1), readyToFinalize(2));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER))
                .server(serverId(2), LifecycleState.CUTTING_OVER, instanceId(2, Phase.CUTOVER))
                .failing("finalizeCutover", serverId(1), new MgnConflictException("server is in an active job", null));

        WaveProgress progress = service.finalizeCutover(new WaveRef(WAVE_ID));

        ServerRecord failed = waves.server(WAVE_ID, serverId(1));
        assertThat(failed.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo(Stage.FINALIZE);
        assertThat(failed.failure().reason()).isEqualTo("FinalizeCutover failed: server is in an active job");
        assertThat(waves.server(WAVE_ID, serverId(2)).status()).isEqualTo(ServerStatus.CUT_OVER);
        assertThat(progress.failed()).isEqualTo(1);
    }

    @Test
    void throttlingFailsTheStageForTheStateMachineToRetryInsteadOfFailingTheServer() {
        givenWave(true, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER))
                .failing("finalizeCutover", serverId(1), new MgnThrottledException("rate exceeded", null));

        assertThatThrownBy(() -> service.finalizeCutover(new WaveRef(WAVE_ID)))
                .isInstanceOf(MgnThrottledException.class);

        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void anArchiveCallThatFailedOnTheWayFailsTheStageForItsRetryInsteadOfFailingTheServer() {
        givenWave(true, readyToFinalize(1));
        mgn.finalizedServer(serverId(1), false).failing("markAsArchived", serverId(1), SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new IOException("Unexpected end of file")).build());

        assertThatThrownBy(() -> service.finalizeCutover(new WaveRef(WAVE_ID)))
                .isInstanceOf(SdkClientException.class);

        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void aConflictingFinalizeOfAServerMgnThenShowsFinalizedCountsAsDone() {
        givenWave(false, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER))
                .conflictingAfterChange("finalizeCutover", serverId(1));

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.CUT_OVER);
    }

    @Test
    void anArchiveFailureSaysThatArchivingFailed() {
        givenWave(true, readyToFinalize(1));
        mgn.finalizedServer(serverId(1), false)
                .failing("markAsArchived", serverId(1), new IllegalStateException("access denied"));

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(waves.server(WAVE_ID, serverId(1)).failure().reason())
                .isEqualTo("MarkAsArchived failed: access denied");
    }

    @Test
    void onlyServersInTheFinalizeStageAreFinalized() {
        givenWave(true, readyToFinalize(1), failedValidation(2, Phase.CUTOVER, "refused"));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER))
                .server(serverId(2), LifecycleState.READY_FOR_CUTOVER, null);

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).noneMatch(call -> call.contains(serverId(2)));
        assertThat(waves.server(WAVE_ID, serverId(2)).status()).isEqualTo(ServerStatus.FAILED);
    }

    @Test
    void aRetryAfterEverythingWasDoneCallsNothing() {
        givenWave(true, readyToFinalize(1));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        service.finalizeCutover(new WaveRef(WAVE_ID));

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).hasSize(2);
    }

    @Test
    void theWavesMgnApplicationAndWaveAreArchivedWithItsLastServer() {
        waves.with(WaveFixtures.withMgnWave(WaveFixtures.wave(new Policies(OnServerFailure.CONTINUE, false, true, true),
                WaveFixtures.noChecks())), List.of(readyToFinalize(1)));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        dev.ferry.mgn.MgnWave mgnWave = mgn.addWave(WAVE_ID);
        mgn.addApplication(WAVE_ID, mgnWave.id(), serverId(1));

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.applications()).singleElement().extracting(dev.ferry.mgn.MgnApplication::archived)
                .isEqualTo(true);
        assertThat(mgn.waves()).singleElement().extracting(dev.ferry.mgn.MgnWave::archived).isEqualTo(true);
    }

    @Test
    void aRetryAfterTheServersWereFinalizedStillArchivesTheMgnWave() {
        waves.with(WaveFixtures.withMgnWave(WaveFixtures.wave(new Policies(OnServerFailure.CONTINUE, false, true, true),
                WaveFixtures.noChecks())), List.of(readyToFinalize(1)));
        mgn.server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        dev.ferry.mgn.MgnWave mgnWave = mgn.addWave(WAVE_ID);
        mgn.addApplication(WAVE_ID, mgnWave.id(), serverId(1));
        mgn.failing("archiveWave", mgnWave.id(), new IllegalStateException("the function timed out here"));
        assertThatThrownBy(() -> service.finalizeCutover(new WaveRef(WAVE_ID)))
                .isInstanceOf(IllegalStateException.class);
        mgn.failing("archiveWave", mgnWave.id(), null);

        service.finalizeCutover(new WaveRef(WAVE_ID));

        assertThat(mgn.waves()).singleElement().extracting(dev.ferry.mgn.MgnWave::archived).isEqualTo(true);
        assertThat(mgn.calls()).filteredOn(call -> call.startsWith("finalizeCutover")).hasSize(1);
    }

    private void givenWave(boolean archive, ServerRecord... servers) {
        waves.with(WaveFixtures.wave(new Policies(OnServerFailure.CONTINUE, false, true, archive),
                WaveFixtures.noChecks()), List.of(servers));
    }

    private static ServerRecord readyToFinalize(int number) {
        return passed(number, Phase.CUTOVER).enteringStage(Stage.FINALIZE, WaveFixtures.START);
    }
}
