package dev.ferry.stage.launch;

import dev.ferry.mgn.LifecycleState;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.active;
import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;

class MarkReadyForCutoverServiceTest {

    private final Clock clock = Clock.fixed(WaveFixtures.START.plus(Duration.ofHours(4)), ZoneOffset.UTC);
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final FakeMgn mgn = new FakeMgn();
    private final MarkReadyForCutoverService service = new MarkReadyForCutoverService(waves, mgn, clock);

    @Test
    void aServerThatPassedItsTestIsMarkedReadyForCutoverInMgn() {
        givenWave(passed(1, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        service.markReady(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).containsExactly("changeLifecycleState " + serverId(1) + " READY_FOR_CUTOVER");
        assertThat(mgn.lifecycle(serverId(1))).isEqualTo(LifecycleState.READY_FOR_CUTOVER);
    }

    @Test
    void aMarkedServerWaitsForApprovalHavingPassedThroughReadyForCutover() {
        givenWave(passed(1, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));

        service.markReady(new WaveRef(WAVE_ID));

        ServerRecord server = waves.server(WAVE_ID, serverId(1));
        assertThat(server.stage()).isEqualTo(Stage.APPROVAL);
        assertThat(server.stageTimes().get(Stage.TEST_VALIDATION).end()).isEqualTo(clock.instant());
        assertThat(server.stageTimes().get(Stage.READY_FOR_CUTOVER).end()).isEqualTo(clock.instant());
        assertThat(server.stageTimes().get(Stage.APPROVAL).start()).isEqualTo(clock.instant());
    }

    @Test
    void aServerMgnAlreadyShowsReadyForCutoverIsNotChangedAgain() {
        givenWave(passed(1, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.READY_FOR_CUTOVER, instanceId(1, Phase.TEST));

        service.markReady(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).isEmpty();
        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.APPROVAL);
    }

    @Test
    void aServerComingStraightFromReplicationWhenTheTestIsSkippedIsMarked() {
        givenWave(active(1, Stage.REPLICATION));
        mgn.server(serverId(1), LifecycleState.READY_FOR_TEST, null);

        service.markReady(new WaveRef(WAVE_ID));

        assertThat(mgn.lifecycle(serverId(1))).isEqualTo(LifecycleState.READY_FOR_CUTOVER);
        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.APPROVAL);
    }

    @Test
    void aConflictOnTheChangeIsTakenAsAlreadyDone() {
        givenWave(passed(1, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST))
                .conflictingAfterChange("changeLifecycleState", serverId(1));

        WaveProgress progress = service.markReady(new WaveRef(WAVE_ID));

        assertThat(progress.active()).isEqualTo(1);
        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.APPROVAL);
    }

    @Test
    void failedServersAreLeftAlone() {
        givenWave(failedValidation(1, Phase.TEST, "refused"), passed(2, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.READY_FOR_TEST, null)
                .server(serverId(2), LifecycleState.TESTING, instanceId(2, Phase.TEST));

        service.markReady(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).containsExactly("changeLifecycleState " + serverId(2) + " READY_FOR_CUTOVER");
        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.FAILED);
        assertThat(waves.server(WAVE_ID, serverId(1)).stage()).isEqualTo(Stage.TEST_VALIDATION);
    }

    @Test
    void aRetryAfterTheServersWereRecordedCallsNothingAgain() {
        givenWave(passed(1, Phase.TEST));
        mgn.server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));
        service.markReady(new WaveRef(WAVE_ID));
        int describesAfterFirst = mgn.describeCalls();

        service.markReady(new WaveRef(WAVE_ID));

        assertThat(mgn.calls()).hasSize(1);
        assertThat(mgn.describeCalls()).isEqualTo(describesAfterFirst);
    }

    private void givenWave(ServerRecord... servers) {
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE), List.of(servers));
    }
}
