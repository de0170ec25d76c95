package dev.ferry.local.mgn.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The simulated world MGN sees: account, regions, source servers with their faults, and API throttling.
 * Load it with {@link #load(Path)}, {@link #parse(String)} or {@link #fromJson(JsonNode)}; all three report
 * every problem of the file at once in an {@link InvalidEnvironmentException}.
 *
 * @param accountId                the AWS account ID (12 digits)
 * @param sourceRegion             region the source servers run in
 * @param targetRegion             region MGN runs in; events and ARNs carry it
 * @param mgnInitialized           whether {@code InitializeService} has already been called in the target region
 * @param replicationBandwidthMbps bandwidth of each server's replication, in megabits per second
 * @param servers                  the source servers
 * @param throttling               API throttling, if any
 */
public record MgnEnvironment(String accountId, String sourceRegion, String targetRegion, boolean mgnInitialized,
                             double replicationBandwidthMbps, List<ServerSpec> servers,
                             Optional<ThrottlingSpec> throttling) {

    public MgnEnvironment {
        servers = List.copyOf(servers);
    }

    /** Reads and validates an environment file. */
    public static MgnEnvironment load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Validates an environment given as JSON text. */
    public static MgnEnvironment parse(String json) {
        return new EnvironmentReader().read(json);
    }

    /** Validates an environment already parsed, e.g. by a loader that reads the other services' sections too. */
    public static MgnEnvironment fromJson(JsonNode root) {
        return new EnvironmentReader().read(root);
    }

    /** Replication bandwidth in bytes per second. */
    public double replicationBytesPerSecond() {
        return replicationBandwidthMbps * 1_000_000 / 8;
    }
}
