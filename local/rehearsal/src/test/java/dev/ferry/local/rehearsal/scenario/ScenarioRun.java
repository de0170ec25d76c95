package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.ServerOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A finished scenario rehearsal.
 *
 * @param result   what the rehearsal returned
 * @param releases the waits released, as the handlers logged them
 */
public record ScenarioRun(RehearsalResult result, List<WaitReleases.Release> releases) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The report's row of this source server. */
    public ServerOutcome server(String sourceServerId) {
        return result.servers().stream().filter(server -> sourceServerId.equals(server.server())).findFirst()
                .orElseThrow(() -> new NoSuchElementException(sourceServerId + " is not in the report: " + result.servers()));
    }

    /** The report's row of the agent installation on this EC2 instance. */
    public AgentInstallOutcome agentInstall(String instanceId) {
        return result.reportIfAny().map(WaveReport::agentInstalls).orElse(List.of()).stream()
                .filter(install -> instanceId.equals(install.instanceId())).findFirst()
                .orElseThrow(() -> new NoSuchElementException(instanceId + " is not among the report's agent installations"));
    }

    /** The report's rows of every server but this one. */
    public List<ServerOutcome> serversOtherThan(String sourceServerId) {
        return result.servers().stream().filter(server -> !sourceServerId.equals(server.server())).toList();
    }

    /** Every call of an MGN operation, whatever MGN answered. */
    public List<ApiCall> calls(String operation) {
        return result.mgnCalls().stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** The servers that successful {@code ChangeServerLifeCycleState} calls moved to {@code state}, in order. */
    public List<String> serversMovedTo(String state) {
        return serversMovedTo(state, Instant.MIN);
    }

    /** The servers that successful {@code ChangeServerLifeCycleState} calls after {@code after} moved to {@code state}. */
    public List<String> serversMovedTo(String state, Instant after) {
        return result.successfulCalls("ChangeServerLifeCycleState").stream()
                .filter(call -> call.time().isAfter(after))
                .map(call -> parse(call.requestJson()))
                .filter(request -> state.equals(request.path("lifeCycle").path("state").asText()))
                .map(request -> request.path("sourceServerID").asText())
                .toList();
    }

    /** The releases of the waits of this kind (REPLICATION, TEST_LAUNCH, CUTOVER_LAUNCH). */
    public List<WaitReleases.Release> releasesOf(String kind) {
        return releases.stream().filter(release -> release.kind().equals(kind)).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("MGN accepted a request that is not JSON: " + json, e);
        }
    }
}
