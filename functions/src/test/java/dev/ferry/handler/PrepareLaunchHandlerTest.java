package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.json.Json;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.stage.launch.PrepareLaunchService;
import dev.ferry.stage.preflight.PreflightService;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.testing.FakeEc2;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import static dev.ferry.handler.PreflightHandlerTest.EXECUTION_NAME;
import static dev.ferry.handler.PreflightHandlerTest.invoke;
import static dev.ferry.handler.PreflightHandlerTest.stateInput;
import static org.assertj.core.api.Assertions.assertThat;

/** The PrepareLaunch state's function, given the state that Preflight made of {@code events/start-wave.json}. */
class PrepareLaunchHandlerTest {

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final FakeMgn mgn = PreflightHandlerTest.startWaveInMgn();
    private final FakeEc2 ec2 = new FakeEc2();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final PreflightHandler preflight =
            new PreflightHandler(new PreflightService(mgn, store, AgentInstallStore.none(),
                    InMemoryServerClaims.claiming(), clock, Optional.of("eu-central-1"), ReplicationQuota.unknown()));
    private final PrepareLaunchHandler handler =
            new PrepareLaunchHandler(new PrepareLaunchService(mgn, ec2, store, clock));

    @Test
    void theStartWaveComesOutWithEveryServerPrepared() throws IOException {
        JsonNode afterPreflight = invoke(preflight, stateInput("start-wave.json"));

        JsonNode progress = invoke(handler, Json.mapper().createObjectNode().set("waveId", afterPreflight.get("waveId")));

        assertThat(progress).isEqualTo(Json.mapper().readTree("""
                {"waveId": "media-stack-wave-1-20260302", "total": 4, "active": 4, "failed": 0, "leftOut": 0,
                 "pending": 0, "stopped": false}"""));
    }

    @Test
    void theStartWavesServersWaitForReplicationWithTheirTemplatesUpdated() throws IOException {
        JsonNode afterPreflight = invoke(preflight, stateInput("start-wave.json"));

        invoke(handler, Json.mapper().createObjectNode().set("waveId", afterPreflight.get("waveId")));

        assertThat(store.servers(EXECUTION_NAME)).extracting(ServerRecord::stage).containsOnly(Stage.REPLICATION);
        assertThat(ec2.defaultVersionRequests()).hasSize(4);
    }
}
