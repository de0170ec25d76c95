package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.json.Json;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.SourceServer;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.stage.preflight.PreflightService;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Preflight state's function, driven through its stream interface with the wave files of {@code events/}. */
class PreflightHandlerTest {

    static final String EXECUTION_NAME = "media-stack-wave-1-20260302";
    static final List<String> START_WAVE_SERVERS =
            List.of("s-13a5b49c3810fa449", "s-2b7d1c3e9a10f8e6a", "s-4c55e9f7e2b7d1c3e", "s-9f0a1b2c3d4e5f607");

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final FakeMgn mgn = startWaveInMgn();
    private final PreflightHandler handler = new PreflightHandler(new PreflightService(mgn, store,
            AgentInstallStore.none(), InMemoryServerClaims.claiming(), new MutableClock(Instant.parse("2026-03-02T10:00:00Z")), Optional.of("eu-central-1"), ReplicationQuota.unknown()));

    @Test
    void theStartWaveBecomesTheStateTheStateMachineCarries() throws IOException {
        JsonNode output = invoke(handler, stateInput("start-wave.json"));

        assertThat(output).isEqualTo(Json.mapper().readTree("""
                {"waveId": "media-stack-wave-1-20260302",
                 "limits": {"replicationSeconds": 174600, "launchSeconds": 7200, "approvalSeconds": 86400},
                 "options": {"skipTestLaunch": false, "finalizeCutover": true, "prepareNetwork": false,
                             "switchDns": false, "installAgents": false},
                 "progress": {"waveId": "media-stack-wave-1-20260302", "total": 4, "active": 4, "failed": 0,
                              "leftOut": 0, "pending": 0, "stopped": false}}"""));
    }

    @Test
    void theStartWaveIsStoredWithItsServers() throws IOException {
        invoke(handler, stateInput("start-wave.json"));

        assertThat(store.find(EXECUTION_NAME)).isPresent();
        assertThat(store.servers(EXECUTION_NAME)).hasSize(4);
    }

    @Test
    void anInvalidWaveFileReachesTheStateMachineAsInvalidWaveException() {
        assertThatThrownBy(() -> invoke(handler, stateInput("invalid-wave-missing-fields.json")))
                .isInstanceOf(InvalidWaveException.class)
                .hasMessage("""
                        waveName: is required
                        targetRegion: is required
                        servers: must list at least one server
                        approvers: must list at least one email address""");
    }

    /** What the Preflight state's Parameters build from the execution input and the context object. */
    static ObjectNode stateInput(String waveFile) {
        ObjectNode input = Json.mapper().createObjectNode();
        input.set("wave", WaveFiles.read(waveFile));
        input.put("executionArn", "arn:aws:states:eu-central-1:111122223333:execution:FerryWave:" + EXECUTION_NAME);
        input.put("executionName", EXECUTION_NAME);
        return input;
    }

    static FakeMgn startWaveInMgn() {
        FakeMgn mgn = new FakeMgn();
        for (String id : START_WAVE_SERVERS) {
            mgn.with(new SourceServer(id, "arn:aws:mgn:eu-central-1:111122223333:source-server/" + id, "host-" + id,
                    null, LifecycleState.READY_FOR_TEST, "CONTINUOUS", null, null, false, null));
            mgn.withLaunchTemplate(id, "lt-0" + id.substring(2, 18));
        }
        return mgn;
    }

    static JsonNode invoke(JsonStreamHandler<?, ?> handler, JsonNode input) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(input)), output, null);
        return Json.mapper().readTree(output.toByteArray());
    }
}
