package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.environment.OperatingSystem;
import dev.ferry.local.mgn.environment.ServerSpec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code ssm} section of an environment file: the instances Systems Manager manages in the
 * source region. Without the section no instance is managed.
 *
 * @param instances the managed instances
 */
public record SsmEnvironment(List<ManagedInstanceSpec> instances) {

    /** No managed instance: what an environment file without an {@code ssm} section means. */
    public static final SsmEnvironment NONE = new SsmEnvironment(List.of());

    public SsmEnvironment {
        instances = List.copyOf(instances);
    }

    /**
     * The platform of each of MGN's source servers, by its source instance ID (none when MGN's
     * environment is not known): what {@link #fromJson} defaults an instance's platform to.
     */
    public static Map<String, SsmPlatform> platformsOf(MgnEnvironment mgn) {
        return mgn == null ? Map.of() : mgn.servers().stream().collect(Collectors.toMap(ServerSpec::sourceInstanceId,
                server -> server.os() == OperatingSystem.WINDOWS ? SsmPlatform.WINDOWS : SsmPlatform.LINUX,
                (first, second) -> first));
    }

    /**
     * Reads the {@code ssm} section of an environment file's root object, noting each problem with
     * its JSON path in {@code problems}.
     *
     * @param platformsOfSourceServers the platform of each MGN source server, by its source instance
     *                                 ID: an instance's platform defaults to it and must agree with it
     */
    public static SsmEnvironment fromJson(JsonNode root, Map<String, SsmPlatform> platformsOfSourceServers,
                                          List<String> problems) {
        return new SsmEnvironmentReader(platformsOfSourceServers, problems).read(root);
    }
}
