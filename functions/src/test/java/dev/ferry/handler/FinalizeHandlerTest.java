package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.stage.fakes.InMemoryStageLeases;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.stage.finalize.FinalizeService;
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

class FinalizeHandlerTest {

    @Test
    void theFinalizeStateCutsTheWaveOver() {
        InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.CONTINUE),
                List.of(passed(1, Phase.CUTOVER).enteringStage(Stage.FINALIZE, WaveFixtures.START)));
        FakeMgn mgn = new FakeMgn().server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        FinalizeHandler handler = new FinalizeHandler(new FinalizeService(waves, new InMemoryStageLeases(), mgn,
                Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02"}""");

        assertThat(progress.get("active").asInt()).isEqualTo(1);
        assertThat(waves.server(WAVE_ID, serverId(1)).status()).isEqualTo(ServerStatus.CUT_OVER);
        assertThat(mgn.isArchived(serverId(1))).isTrue();
    }
}
