package dev.ferry.local.rehearsal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.wave.MgnQuotas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A generated wave of many servers and its world, for benchmarks and scale tests: the demo wave's
 * replication, launch and validation settings, and servers that each have the demo's 8 GiB disk
 * and replicate already (their agent is installed). The world has no source instances or DNS, so the
 * wave leaves out agent installation, network and DNS and names the launch settings those would
 * derive. A wave of more servers than MGN's default quota of 150 replicating at once states a raised
 * quota, as an account running such a wave must have.
 *
 * @param servers        how many servers
 * @param skipTestLaunch whether the wave goes from replication straight to cutover
 * @param lastFailsCutover whether the last server's cutover launch fails in MGN
 */
public record GeneratedWave(int servers, boolean skipTestLaunch, boolean lastFailsCutover) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The source server ID of the server at {@code index} (from 0). */
    public static String serverId(int index) {
        return String.format(Locale.ROOT, "s-%017x", 0xa000000000000L + index);
    }

    public List<String> serverIds() {
        return IntStream.range(0, servers).mapToObj(GeneratedWave::serverId).toList();
    }

    /**
     * Writes the wave (named {@code name}) and its environment into {@code folder}, the wave built on
     * the project's demo wave: [wave, environment].
     */
    public List<Path> writeTo(Path folder, String name, Path projectRoot) {
        try {
            Path wave = Files.writeString(folder.resolve(name + "-wave.json"), wave(name, projectRoot));
            Path environment = Files.writeString(folder.resolve(name + "-environment.json"), environment());
            return List.of(wave, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String environment() throws IOException {
        ObjectNode environment = JSON.createObjectNode()
                .put("accountId", "111122223333")
                .put("sourceRegion", "us-east-1")
                .put("targetRegion", "eu-central-1")
                .put("mgnInitialized", true)
                .put("replicationBandwidthMbps", 200);
        ArrayNode list = environment.putArray("servers");
        for (int index = 0; index < servers; index++) {
            ObjectNode server = list.addObject()
                    .put("sourceServerId", serverId(index))
                    .put("hostname", String.format(Locale.ROOT, "app-%03d", index))
                    .put("sourceInstanceId", String.format(Locale.ROOT, "i-%017x", 0xb000000000000L + index))
                    .put("os", "LINUX")
                    .put("agentInstalled", true);
            server.putArray("disks").addObject().put("device", "/dev/xvda").put("sizeGiB", 8);
            if (lastFailsCutover && index == servers - 1) {
                server.putObject("faults").put("cutoverLaunchFails", true);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(environment);
    }

    private String wave(String name, Path projectRoot) throws IOException {
        ObjectNode wave = (ObjectNode) JSON.readTree(projectRoot.resolve("events/demo-wave.json").toFile());
        wave.put("waveName", name);
        wave.remove(List.of("agentInstallation", "network", "dns"));
        ((ObjectNode) wave.path("launch")).put("instanceType", "t3.medium").put("subnetId", "subnet-0f1e2d3c4b5a69788");
        ((ObjectNode) wave.path("policies")).put("skipTestLaunch", skipTestLaunch);
        if (servers > MgnQuotas.DEFAULT.replicatingServers()) {
            wave.putObject("quotas").put("replicatingServers", servers);
        }
        ArrayNode list = wave.putArray("servers");
        for (int index = 0; index < servers; index++) {
            list.addObject().put("sourceServerId", serverId(index));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(wave);
    }
}
