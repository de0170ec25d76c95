package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.server.Phase;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.stage.launch.MarkReadyForCutoverService;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;

class MarkReadyForCutoverHandlerTest {

    @Test
    void theMarkReadyForCutoverStateMarksTheWaveAndGetsItsProgress() {
        InMemoryWaveStore waves = new InMemoryWaveStore().with(WaveFixtures.wave(OnServerFailure.CONTINUE),
                List.of(passed(1, Phase.TEST)));
        FakeMgn mgn = new FakeMgn().server(serverId(1), LifecycleState.TESTING, instanceId(1, Phase.TEST));
        MarkReadyForCutoverHandler handler = new MarkReadyForCutoverHandler(new MarkReadyForCutoverService(
                waves, mgn, Clock.fixed(WaveFixtures.START, ZoneOffset.UTC)));

        JsonNode progress = StageHandlerCalls.invoke(handler, """
                {"waveId": "wave-2026-03-02"}""");

        assertThat(progress.get("active").asInt()).isEqualTo(1);
        assertThat(mgn.lifecycle(serverId(1))).isEqualTo(LifecycleState.READY_FOR_CUTOVER);
    }
}
