package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.rehearsal.LaterWaveResult;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, concurrent waves in one account: a second wave naming a server of a running
 * wave is refused by its preflight with the running wave's name, and the running wave goes on as if
 * alone; two waves over different servers run side by side within MGN's shared quotas (together
 * more servers than the 200 MGN takes in active jobs at once), every server cut over though some
 * waited for the other wave's jobs to end.
 */
class ConcurrentWavesRehearsalIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aSecondWaveNamingAServerOfTheRunningDemoIsRefusedAndTheDemoCutsOverAsAlone() {
        RehearsalResult result = Scenario.rehearseFiles(ProjectFolder.event("demo-wave.json"),
                ProjectFolder.event("demo-environment.json"), "concurrent-same-server",
                options -> options.laterWave(ProjectFolder.event("demo-second-wave.json"), Duration.ofHours(1)));

        LaterWaveResult refused = result.laterWaves().getFirst();
        assertThat(refused.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(refused.error()).isEqualTo("PreflightFailed");
        assertThat(refused.cause()).contains("media-proxy: in wave media-stack-demo, which is still running ("
                + result.executionArn() + ")");
        assertThat(refused.report()).isNull();

        assertThat(result.servers()).hasSize(6)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(result.faults().violations()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void twoWavesOverDifferentServersRunTogetherWithinMgnsSharedQuotas() throws IOException {
        List<Path> generated = new GeneratedWave(220, false, false).writeTo(folder, "two-teams", ProjectFolder.root());
        Path first = half(generated.getFirst(), "team-a", 0, 110);
        Path second = half(generated.getFirst(), "team-b", 110, 220);

        RehearsalResult result = Scenario.rehearseFiles(first, generated.get(1), "concurrent-two-waves",
                options -> options.laterWave(second, Duration.ZERO));

        LaterWaveResult teamB = result.laterWaves().getFirst();
        assertThat(result.servers()).hasSize(110)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(teamB.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(teamB.servers()).hasSize(110)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(result.faults().violations()).isEmpty();
        // 220 servers cannot all be in test jobs at once: some waited for the other wave's jobs to end.
        List<ApiCall> testStarts = result.successfulCalls("StartTest");
        Instant firstStart = testStarts.getFirst().time();
        assertThat(serversIn(testStarts.stream().filter(call -> call.time().equals(firstStart)).toList()))
                .isLessThanOrEqualTo(200);
        assertThat(testStarts).anySatisfy(call -> assertThat(call.time()).isAfter(firstStart));
        assertThat(serversIn(testStarts)).isEqualTo(220);
    }

    /** The generated wave with only its servers {@code from} to {@code to}, named {@code name}. */
    private Path half(Path generated, String name, int from, int to) throws IOException {
        ObjectNode wave = (ObjectNode) JSON.readTree(generated.toFile());
        wave.put("waveName", name);
        ArrayNode servers = wave.putArray("servers");
        for (int index = from; index < to; index++) {
            servers.addObject().put("sourceServerId", GeneratedWave.serverId(index));
        }
        return Files.writeString(folder.resolve(name + "-wave.json"), JSON.writeValueAsString(wave));
    }

    private static int serversIn(List<ApiCall> starts) {
        int servers = 0;
        for (ApiCall start : starts) {
            try {
                servers += JSON.readTree(start.requestJson()).path("sourceServerIDs").size();
            } catch (IOException e) {
                throw new AssertionError("MGN received a StartTest that is not JSON: " + start.requestJson(), e);
            }
        }
        return servers;
    }
}
