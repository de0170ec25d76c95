package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.InstanceHealth;
import dev.ferry.probe.Prober;
import dev.ferry.server.Phase;
import dev.ferry.stage.launch.ValidateService;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ValidateHandlerTest {

    @Test
    void theValidateTestStateGetsTheWaveProgressWithPendingServers() {
        InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.CONTINUE),
                List.of(launched(1, Phase.TEST), launched(2, Phase.TEST)));
        Ec2Gateway ec2 = mock(Ec2Gateway.class);
        when(ec2.describeInstances(anyCollection())).thenReturn(Map.of(
                instanceId(1, Phase.TEST), new InstanceHealth(instanceId(1, Phase.TEST), "running", "ok", "ok", null, null),
                instanceId(2, Phase.TEST), new InstanceHealth(instanceId(2, Phase.TEST), "pending", null, null, null, null)));
        ValidateHandler handler = new ValidateHandler(new ValidateService(waves, ec2, mock(Prober.class),
                Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02", "phase": "TEST"}""");

        assertThat(progress.get("waveId").asText()).isEqualTo(WaveFixtures.WAVE_ID);
        assertThat(progress.get("total").asInt()).isEqualTo(2);
        assertThat(progress.get("active").asInt()).isEqualTo(2);
        assertThat(progress.get("pending").asInt()).isEqualTo(1);
        assertThat(progress.get("stopped").asBoolean()).isFalse();
    }
}
