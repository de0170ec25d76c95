package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.stage.launch.SettleService;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class SettleHandlerTest {

    @Test
    void theSettleCutoverStateSeesTheWaveStoppedWhenAServerFailedUnderTheStopPolicy() {
        InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.STOP),
                List.of(failedValidation(1, Phase.CUTOVER, "refused"), passed(2, Phase.CUTOVER)));
        FakeMgn mgn = new FakeMgn().server(serverId(1), LifecycleState.CUTTING_OVER, instanceId(1, Phase.CUTOVER));
        SettleHandler handler = new SettleHandler(new SettleService(waves, mgn, mock(Notifier.class),
                Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02", "phase": "CUTOVER"}""");

        assertThat(progress.get("stopped").asBoolean()).isTrue();
        assertThat(progress.get("stopReason").asText()).startsWith("1 server failed the cutover (server-1)");
        assertThat(progress.get("failed").asInt()).isEqualTo(1);
        assertThat(progress.get("active").asInt()).isEqualTo(1);
    }
}
