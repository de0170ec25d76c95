package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.server.Stage;
import dev.ferry.stage.approval.NotApprovedService;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class NotApprovedHandlerTest {

    private final InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.CONTINUE),
            List.of(passed(1, Phase.TEST).enteringStage(Stage.APPROVAL, WaveFixtures.START)));
    private final FakeMgn mgn =
            new FakeMgn().server(serverId(1), LifecycleState.READY_FOR_CUTOVER, instanceId(1, Phase.TEST));
    private final NotApprovedHandler handler = new NotApprovedHandler(new NotApprovedService(waves,
            mgn, mock(Notifier.class), Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

    @Test
    void aRejectionCaughtFromTheApprovalTaskLeavesTheWaveNotApproved() {
        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02", "reason": "REJECTED",
                 "error": {"Error": "ApprovalRejected", "Cause": "carol@example.com: wait for the freeze to end"}}""");

        assertThat(progress.get("leftOut").asInt()).isEqualTo(1);
        assertThat(progress.get("active").asInt()).isZero();
        assertThat(waves.server(WAVE_ID, serverId(1)).failure().reason())
                .isEqualTo("cutover not approved: rejected by carol@example.com: wait for the freeze to end");
    }

    @Test
    void aTimeoutWithANullErrorIsAccepted() {
        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02", "reason": "TIMED_OUT", "error": null}""");

        assertThat(progress.get("leftOut").asInt()).isEqualTo(1);
        assertThat(waves.wave(WAVE_ID).reason()).isEqualTo("cutover not approved: approval timed out after 24 hours");
    }
}
