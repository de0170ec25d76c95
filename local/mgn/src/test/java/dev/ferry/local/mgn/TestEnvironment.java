package dev.ferry.local.mgn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.environment.MgnEnvironment;

/** Builds environment files for tests; servers get readable IDs: server n is s-000…0n on instance i-000…0n. */
public final class TestEnvironment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode servers;

    private TestEnvironment(boolean initialized) {
        root.put("accountId", "111122223333");
        root.put("sourceRegion", "us-east-1");
        root.put("targetRegion", "eu-central-1");
        root.put("mgnInitialized", initialized);
        root.put("replicationBandwidthMbps", 100);
        servers = root.putArray("servers");
    }

    public static TestEnvironment initialized() {
        return new TestEnvironment(true);
    }

    public static TestEnvironment uninitialized() {
        return new TestEnvironment(false);
    }

    public static String serverId(int n) {
        return "s-" + String.format("%017x", n);
    }

    public static String instanceId(int n) {
        return "i-" + String.format("%017x", n);
    }

    public TestEnvironment bandwidthMbps(double mbps) {
        root.put("replicationBandwidthMbps", mbps);
        return this;
    }

    public TestEnvironment throttleEvery(int n, int retryAfterSeconds) {
        root.putObject("throttling").put("everyNthCall", n).put("retryAfterSeconds", retryAfterSeconds);
        return this;
    }

    /** Server n with its agent installed and one disk per size given. */
    public TestEnvironment server(int n, double... diskSizesGiB) {
        return addServer(n, true, "{}", diskSizesGiB);
    }

    /** Server n with its agent installed, the given faults JSON and one 8 GiB disk. */
    public TestEnvironment serverWithFaults(int n, String faultsJson) {
        return addServer(n, true, faultsJson, 8);
    }

    /** Server n with one 8 GiB disk and no agent yet. */
    public TestEnvironment serverWithoutAgent(int n) {
        return addServer(n, false, "{}", 8);
    }

    public String json() {
        return root.toPrettyString();
    }

    public MgnEnvironment build() {
        return MgnEnvironment.parse(json());
    }

    private TestEnvironment addServer(int n, boolean agentInstalled, String faultsJson, double... diskSizesGiB) {
        ObjectNode server = servers.addObject();
        server.put("sourceServerId", serverId(n));
        server.put("hostname", "host-" + n);
        server.put("sourceInstanceId", instanceId(n));
        server.put("os", "LINUX");
        ArrayNode disks = server.putArray("disks");
        for (int i = 0; i < diskSizesGiB.length; i++) {
            disks.addObject().put("device", "/dev/xvd" + (char) ('a' + i)).put("sizeGiB", diskSizesGiB[i]);
        }
        server.put("agentInstalled", agentInstalled);
        try {
            server.set("faults", JSON.readTree(faultsJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad faults JSON in test: " + faultsJson, e);
        }
        return this;
    }
}
