package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.ProjectFolder;
import dev.ferry.local.rehearsal.Rehearsal;
import dev.ferry.local.rehearsal.RehearsalOptions;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.stage.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, speed and scale: a generated wave of 200 servers, each with the demo's 8 GiB
 * disk, launch settings and probes, rehearsed with automatic approval next to the 6-server demo.
 * The execution's history grows with the number of stages, not of servers; the wall time of both
 * is printed.
 */
class LargeWaveRehearsalIntegrationTest {

    private static final int SERVERS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static RehearsalResult demo;
    private static RehearsalResult large;
    private static List<String> largeWaveServers;

    @BeforeAll
    static void rehearseTheDemoAndTheLargeWave() throws IOException {
        largeWaveServers = IntStream.range(0, SERVERS).mapToObj(LargeWaveRehearsalIntegrationTest::serverId).toList();
        Path environment = Files.writeString(folder.resolve("large-environment.json"), environment());
        Path wave = Files.writeString(folder.resolve("large-wave.json"), wave());

        demo = rehearse(ProjectFolder.event("demo-wave.json"), ProjectFolder.event("demo-environment.json"), "demo");
        large = rehearse(wave, environment, "large");

        System.out.printf(Locale.ROOT, "Demo wave, %d servers: wall time %.1f s, %d state transitions, %d history events, %d MGN calls%n",
                demo.servers().size(), demo.wallTime().toMillis() / 1000.0, demo.stateTransitions(),
                demo.historyEvents(), demo.mgnCalls().size());
        System.out.printf(Locale.ROOT, "Generated wave, %d servers: wall time %.1f s, %d state transitions, %d history events, %d MGN calls%n",
                large.servers().size(), large.wallTime().toMillis() / 1000.0, large.stateTransitions(),
                large.historyEvents(), large.mgnCalls().size());
    }

    @Test
    void everyServerOfTheLargeWaveIsCutOver() {
        assertThat(large.exitCode()).isZero();
        assertThat(large.servers()).hasSize(SERVERS)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(large.serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
    }

    @Test
    void launchesAreStartedInBatchesOfAtMostOneHundredServers() {
        assertThat(large.successfulCalls("StartTest")).hasSize(2);
        assertThat(large.serversCalledWith("StartTest")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
        assertThat(large.successfulCalls("StartCutover")).hasSize(2);
        assertThat(large.serversCalledWith("StartCutover")).containsExactlyInAnyOrderElementsOf(largeWaveServers);
    }

    @Test
    void theHistoryOfTwoHundredServersIsAboutAsLongAsTheDemosOfSix() {
        assertThat(demo.exitCode()).isZero();
        assertThat(large.historyEvents()).isLessThanOrEqualTo(demo.historyEvents() * 3 / 2);
        assertThat(large.stateTransitions()).isLessThanOrEqualTo(demo.stateTransitions() * 3 / 2);
    }

    @Test
    void theLargeWaveRehearsesInUnderTwoMinutes() {
        assertThat(large.wallTime()).isLessThan(Duration.ofMinutes(2));
    }

    private static RehearsalResult rehearse(Path wave, Path environment, String name) {
        return Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .wave(wave)
                .environment(environment)
                .approval(ApprovalMode.AUTO)
                .runFolder(Scenario.freshRunFolder(name))
                .display(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .start(Scenario.START)
                .build());
    }

    private static String serverId(int index) {
        return String.format(Locale.ROOT, "s-%017x", 0xa000000000000L + index);
    }

    private static String environment() throws IOException {
        ObjectNode environment = JSON.createObjectNode()
                .put("accountId", "111122223333")
                .put("sourceRegion", "us-east-1")
                .put("targetRegion", "eu-central-1")
                .put("mgnInitialized", true)
                .put("replicationBandwidthMbps", 200);
        ArrayNode servers = environment.putArray("servers");
        for (int index = 0; index < SERVERS; index++) {
            ObjectNode server = servers.addObject()
                    .put("sourceServerId", serverId(index))
                    .put("hostname", String.format(Locale.ROOT, "app-%03d", index))
                    .put("sourceInstanceId", String.format(Locale.ROOT, "i-%017x", 0xb000000000000L + index))
                    .put("os", "LINUX")
                    .put("agentInstalled", true);
            server.putArray("disks").addObject().put("device", "/dev/xvda").put("sizeGiB", 8);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(environment);
    }

    /**
     * The demo wave with the generated servers instead of the demo's. They replicate already and their
     * world has no source instances or DNS, so the wave leaves out agent installation, network and DNS
     * and names the launch settings those would derive.
     */
    private static String wave() throws IOException {
        ObjectNode wave = (ObjectNode) JSON.readTree(ProjectFolder.event("demo-wave.json").toFile());
        wave.put("waveName", "two-hundred-servers");
        wave.remove(List.of("agentInstallation", "network", "dns"));
        ((ObjectNode) wave.path("launch")).put("instanceType", "t3.medium").put("subnetId", "subnet-0f1e2d3c4b5a69788");
        ArrayNode servers = wave.putArray("servers");
        for (int index = 0; index < SERVERS; index++) {
            servers.addObject().put("sourceServerId", serverId(index));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(wave);
    }
}
