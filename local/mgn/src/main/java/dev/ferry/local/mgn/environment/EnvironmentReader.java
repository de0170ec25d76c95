package dev.ferry.local.mgn.environment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the MGN part of an environment file into an {@link MgnEnvironment}. Top-level sections owned by other
 * simulated services are ignored; everything MGN owns is validated strictly.
 */
final class EnvironmentReader {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern SOURCE_SERVER_ID = Pattern.compile("s-[0-9a-f]{17}");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern NON_BLANK = Pattern.compile(".*\\S.*");
    /** The {@code DataReplicationError.error} values of the MGN API model. */
    private static final Set<String> REPLICATION_ERRORS = Set.of("AGENT_NOT_SEEN", "SNAPSHOTS_FAILURE",
            "NOT_CONVERGING", "UNSTABLE_NETWORK", "FAILED_TO_CREATE_SECURITY_GROUP",
            "FAILED_TO_LAUNCH_REPLICATION_SERVER", "FAILED_TO_BOOT_REPLICATION_SERVER",
            "FAILED_TO_AUTHENTICATE_WITH_SERVICE", "FAILED_TO_DOWNLOAD_REPLICATION_SOFTWARE",
            "FAILED_TO_CREATE_STAGING_DISKS", "FAILED_TO_ATTACH_STAGING_DISKS",
            "FAILED_TO_PAIR_REPLICATION_SERVER_WITH_AGENT", "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER",
            "FAILED_TO_START_DATA_TRANSFER", "UNSUPPORTED_VM_CONFIGURATION", "LAST_SNAPSHOT_JOB_FAILED");
    private static final Pattern REPLICATION_ERROR = Pattern.compile(String.join("|", REPLICATION_ERRORS));
    private static final String DEFAULT_STALL_ERROR = "AGENT_NOT_SEEN";
    private static final int DEFAULT_CPUS = 2;
    private static final double DEFAULT_RAM_GIB = 4;
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private final List<String> problems = new ArrayList<>();

    MgnEnvironment read(String json) {
        try {
            return read(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidEnvironmentException(List.of("(root): not valid JSON: " + e.getOriginalMessage()));
        }
    }

    MgnEnvironment read(JsonNode root) {
        Optional<ObjectReader> reader = ObjectReader.of(root, "", problems);
        if (reader.isEmpty()) {
            throw new InvalidEnvironmentException(problems);
        }
        ObjectReader top = reader.get();
        String accountId = top.requiredString("accountId", ACCOUNT_ID, "12 digits");
        String sourceRegion = top.requiredString("sourceRegion", REGION, "a region name such as us-east-1");
        String targetRegion = top.requiredString("targetRegion", REGION, "a region name such as eu-central-1");
        boolean initialized = top.optionalBoolean("mgnInitialized", false);
        double bandwidth = top.requiredPositiveNumber("replicationBandwidthMbps");
        List<ServerSpec> servers = readServers(top, initialized);
        Optional<ThrottlingSpec> throttling = top.optionalObject("throttling").map(this::readThrottling);
        if (!problems.isEmpty()) {
            throw new InvalidEnvironmentException(problems);
        }
        return new MgnEnvironment(accountId, sourceRegion, targetRegion, initialized, bandwidth, servers,
                throttling);
    }

    private List<ServerSpec> readServers(ObjectReader top, boolean initialized) {
        List<ServerSpec> servers = new ArrayList<>();
        Set<String> serverIds = new HashSet<>();
        Set<String> instanceIds = new HashSet<>();
        for (ObjectReader server : top.objectArray("servers", true, true)) {
            ServerSpec spec = readServer(server);
            spec.sourceServerId().filter(id -> !serverIds.add(id))
                    .ifPresent(id -> server.problem("sourceServerId", "duplicates another server's " + id));
            if (!spec.sourceInstanceId().isEmpty() && !instanceIds.add(spec.sourceInstanceId())) {
                server.problem("sourceInstanceId", "duplicates another server's " + spec.sourceInstanceId());
            }
            if (spec.agentInstalled() && !initialized) {
                // The installer registers with MGN; it fails in a region where the service is not initialised.
                server.problem("agentInstalled", "cannot be true while mgnInitialized is false");
            }
            servers.add(spec);
        }
        return servers;
    }

    private ServerSpec readServer(ObjectReader server) {
        server.rejectUnknownFields("sourceServerId", "hostname", "sourceInstanceId", "os", "disks", "cpus",
                "ramGiB", "agentInstalled", "faults");
        Optional<String> sourceServerId = server.optionalString("sourceServerId", SOURCE_SERVER_ID,
                "\"s-\" followed by 17 lower-case hex digits");
        String hostname = server.requiredString("hostname", NON_BLANK, "a non-blank string");
        String instanceId = server.requiredString("sourceInstanceId", INSTANCE_ID,
                "\"i-\" followed by 8 to 17 lower-case hex digits");
        OperatingSystem os = server.requiredEnum("os", OperatingSystem.class);
        List<DiskSpec> disks = readDisks(server);
        int cpus = server.optionalIntegerAtLeast("cpus", 1).orElse(DEFAULT_CPUS);
        double ramGiB = server.optionalPositiveNumber("ramGiB").orElse(DEFAULT_RAM_GIB);
        boolean agentInstalled = server.optionalBoolean("agentInstalled", false);
        ServerFaults faults = server.optionalObject("faults").map(this::readFaults).orElse(ServerFaults.NONE);
        return new ServerSpec(sourceServerId, hostname, instanceId, os, disks, cpus, ramGiB, agentInstalled, faults);
    }

    private List<DiskSpec> readDisks(ObjectReader server) {
        List<DiskSpec> disks = new ArrayList<>();
        Set<String> devices = new HashSet<>();
        for (ObjectReader disk : server.objectArray("disks", true, false)) {
            disk.rejectUnknownFields("device", "sizeGiB");
            String device = disk.requiredString("device", NON_BLANK, "a non-blank string");
            if (!device.isEmpty() && !devices.add(device)) {
                disk.problem("device", "duplicates another disk's " + device);
            }
            disks.add(new DiskSpec(device, disk.requiredPositiveNumber("sizeGiB")));
        }
        return disks;
    }

    private ServerFaults readFaults(ObjectReader faults) {
        faults.rejectUnknownFields("replicationStall", "testLaunchFails", "cutoverLaunchFails", "failsValidation",
                "events");
        Optional<ReplicationStallFault> stall = faults.optionalObject("replicationStall").map(this::readStall);
        boolean testFails = faults.optionalBoolean("testLaunchFails", false);
        boolean cutoverFails = faults.optionalBoolean("cutoverLaunchFails", false);
        ValidationFailure failsValidation = faults.optionalEnum("failsValidation", ValidationFailure.class)
                .orElse(ValidationFailure.NONE);
        EventFaults events = faults.optionalObject("events").map(this::readEventFaults).orElse(EventFaults.NONE);
        return new ServerFaults(stall, testFails, cutoverFails, failsValidation, events);
    }

    private ReplicationStallFault readStall(ObjectReader stall) {
        stall.rejectUnknownFields("atPercent", "recoversAfterMinutes", "retryFixes", "error");
        double atPercent = stall.requiredNumberInRange("atPercent", 0, 100);
        Optional<Duration> recoversAfter = stall.optionalPositiveNumber("recoversAfterMinutes")
                .map(minutes -> Duration.ofMillis(Math.round(minutes * 60_000)));
        boolean retryFixes = stall.optionalBoolean("retryFixes", false);
        String error = stall.optionalString("error", REPLICATION_ERROR,
                "an MGN data replication error such as AGENT_NOT_SEEN").orElse(DEFAULT_STALL_ERROR);
        return new ReplicationStallFault(atPercent, recoversAfter, retryFixes, error);
    }

    private EventFaults readEventFaults(ObjectReader events) {
        events.rejectUnknownFields("lost", "duplicated", "reordered");
        return new EventFaults(events.optionalBoolean("lost", false), events.optionalBoolean("duplicated", false),
                events.optionalBoolean("reordered", false));
    }

    private ThrottlingSpec readThrottling(ObjectReader throttling) {
        throttling.rejectUnknownFields("everyNthCall", "retryAfterSeconds");
        if (!throttling.has("everyNthCall")) {
            throttling.problem("everyNthCall", "is required");
        }
        // Throttling every call would make the API unusable, so N starts at 2.
        int everyNth = throttling.optionalIntegerAtLeast("everyNthCall", 2).orElse(2);
        int retryAfter = throttling.optionalIntegerAtLeast("retryAfterSeconds", 1)
                .orElse(DEFAULT_RETRY_AFTER_SECONDS);
        return new ThrottlingSpec(everyNth, retryAfter);
    }
}
