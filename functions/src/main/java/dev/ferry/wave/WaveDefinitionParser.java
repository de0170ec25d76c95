package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.wave.Policies.OnServerFailure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.ferry.wave.ObjectFields.quote;

/**
 * Turns the JSON an engineer gives a wave execution into a {@link WaveDefinition}, or refuses it
 * with every problem at once. The format, its defaults and its bounds are described in
 * {@code docs/wave-definition.md}.
 */
public final class WaveDefinitionParser {

    /** The most servers one wave may hold; the state machine's payload does not grow with it, the table does. */
    public static final int MAX_SERVERS = 1000;

    static final List<String> FIELDS = List.of("waveName", "targetRegion", "sourceRegion", "servers", "replication",
            "launch", "validation", "approvers", "timeLimits", "policies", "network", "dns", "agentInstallation",
            "quotas", "mgnWave", "notifications");
    /**
     * The key a wave file names its JSON Schema with, for editors ({@code docs/wave-definition.schema.json}).
     * It says nothing about the wave, so it is accepted at the top level and otherwise ignored.
     */
    static final String SCHEMA_KEY = "$schema";
    /** What the top level of a wave definition may hold: the wave's fields and the editors' schema key. */
    static final List<String> ROOT_FIELDS = Stream.concat(FIELDS.stream(), Stream.of(SCHEMA_KEY)).toList();
    static final List<String> SERVER_FIELDS = List.of("sourceServerId", "sourceInstanceId", "name", "launch");
    static final List<String> TIME_LIMIT_FIELDS = List.of("replicationHours", "launchMinutes", "approvalHours",
            "stallNoticeMinutes", "stallRetryMinutes");
    static final List<String> POLICY_FIELDS = List.of("onServerFailure", "skipTestLaunch", "finalizeCutover",
            "archiveAfterFinalize");
    static final List<String> QUOTA_FIELDS = List.of("replicatingServers");
    static final List<String> NOTIFICATION_FIELDS = List.of("level");
    /** MGN's own ceiling for the quota of replicating servers is not published; this bounds typos. */
    static final long MAX_REPLICATING_SERVERS_QUOTA = 20_000;

    static final long DEFAULT_REPLICATION_HOURS = 72;
    static final long DEFAULT_LAUNCH_MINUTES = 60;
    static final long DEFAULT_APPROVAL_HOURS = 24;
    static final long DEFAULT_STALL_NOTICE_MINUTES = 30;
    static final long DEFAULT_STALL_RETRY_MINUTES = 60;

    static final Pattern WAVE_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    static final int MAX_SERVER_NAME = 128;
    private static final List<String> NOTIFICATION_LEVELS =
            Arrays.stream(NotificationSettings.Level.values()).map(Enum::name).toList();
    private static final List<String> ON_SERVER_FAILURE =
            Arrays.stream(OnServerFailure.values()).map(Enum::name).toList();

    private WaveDefinitionParser() {
    }

    /**
     * The wave this JSON defines.
     *
     * @throws InvalidWaveException listing every problem when the definition is not valid
     */
    public static WaveDefinition parse(JsonNode json) {
        Problems problems = new Problems();
        if (json == null || !json.isObject()) {
            problems.add("$", "the wave definition must be a JSON object, not "
                    + (json == null ? "nothing" : ObjectFields.describe(json)));
            problems.throwIfAny();
        }
        ObjectFields root = ObjectFields.of(json, "", problems, ROOT_FIELDS);
        root.text(SCHEMA_KEY); // read only to refuse a $schema that is not a string, which no editor could follow
        String waveName = waveName(root);
        String targetRegion = region(root, "targetRegion", true);
        String sourceRegion = region(root, "sourceRegion", false);
        LaunchSettings launch = LaunchSettingsParser.parse(root, "launch");
        List<ServerSpec> servers = servers(root, launch);
        requireSourceRegionForInstanceIds(root, servers, sourceRegion);
        ReplicationSettings replication = ReplicationSettingsParser.parse(root, "replication");
        ValidationSettings validation = ValidationSettingsParser.parse(root, "validation");
        List<String> approvers = approvers(root);
        TimeLimits timeLimits = timeLimits(root);
        Policies policies = policies(root);
        NetworkSettings network = NetworkSettingsParser.parse(root, "network");
        requireSourceRegionForDerivation(root, network, servers, sourceRegion);
        DnsSettings dns = DnsSettingsParser.parse(root, "dns");
        AgentInstallationSettings agentInstallation = AgentInstallationParser.parse(root, "agentInstallation");
        requireSourceRegionForAgentInstallation(root, agentInstallation, servers, sourceRegion);
        MgnQuotas quotas = quotas(root);
        MgnWaveSettings mgnWave = MgnWaveSettingsParser.parse(root, "mgnWave");
        NotificationSettings notifications = notifications(root);
        problems.throwIfAny();
        return new WaveDefinition(waveName, targetRegion, sourceRegion, servers, replication,
                launch != null ? launch : LaunchSettings.none(), validation, approvers, timeLimits, policies,
                network, dns, agentInstallation, quotas, mgnWave, notifications);
    }

    private static String waveName(ObjectFields root) {
        String name = root.requiredText("waveName");
        if (name != null && !WAVE_NAME.matcher(name).matches()) {
            root.problems().add("waveName", quote(name) + " must be 1 to 64 letters, digits, - or _");
        }
        return name;
    }

    private static String region(ObjectFields root, String field, boolean required) {
        String region = required ? root.requiredText(field) : root.text(field);
        if (region != null) {
            AwsNames.region(region, field, root.problems());
        }
        return region;
    }

    private static List<ServerSpec> servers(ObjectFields root, LaunchSettings waveLaunch) {
        Problems problems = root.problems();
        List<JsonNode> elements = root.array("servers");
        if (elements == null) {
            if (!root.has("servers")) {
                problems.add("servers", "is required");
            }
            return List.of();
        }
        if (elements.isEmpty()) {
            problems.add("servers", "must list at least one server");
        } else if (elements.size() > MAX_SERVERS) {
            problems.add("servers", "lists " + elements.size() + " servers; a wave holds at most " + MAX_SERVERS
                    + " (split it into several waves)");
        }
        Map<String, String> firstByServerId = new HashMap<>();
        Map<String, String> firstByInstanceId = new HashMap<>();
        List<ServerSpec> servers = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields server = ObjectFields.of(elements.get(i), "servers[" + i + "]", problems, SERVER_FIELDS);
            if (server == null) {
                continue;
            }
            String serverId = server.text("sourceServerId");
            if (serverId != null) {
                AwsNames.sourceServerId(serverId, server.pathOf("sourceServerId"), problems);
                notListedTwice(serverId, server.pathOf("sourceServerId"), firstByServerId, problems);
            }
            String instanceId = server.text("sourceInstanceId");
            if (instanceId != null) {
                AwsNames.instanceId(instanceId, server.pathOf("sourceInstanceId"), problems);
                notListedTwice(instanceId, server.pathOf("sourceInstanceId"), firstByInstanceId, problems);
            }
            if (!server.has("sourceServerId") && !server.has("sourceInstanceId")) {
                problems.add(server.path(), "needs sourceServerId or sourceInstanceId");
            }
            String name = server.text("name");
            if (name != null && (name.isBlank() || name.length() > MAX_SERVER_NAME)) {
                problems.add(server.pathOf("name"), "must be 1 to " + MAX_SERVER_NAME + " characters long");
            }
            LaunchSettings launch = LaunchSettingsParser.parse(server, "launch");
            noRightSizingConflictWithWave(server, launch, waveLaunch);
            servers.add(new ServerSpec(serverId, instanceId, name, launch));
        }
        return servers;
    }

    private static void notListedTwice(String id, String path, Map<String, String> firstSeen, Problems problems) {
        String first = firstSeen.putIfAbsent(id, path);
        if (first != null) {
            problems.add(path, quote(id) + " is listed twice (first as " + first + ")");
        }
    }

    /**
     * A server asking for BASIC right-sizing under a wave-wide instance type would be launched
     * with the instance type anyway (an instance type always turns right-sizing off): refuse it
     * rather than ignore what the engineer asked for.
     */
    private static void noRightSizingConflictWithWave(ObjectFields server, LaunchSettings launch,
                                                      LaunchSettings waveLaunch) {
        if (launch == null || waveLaunch == null || waveLaunch.instanceType() == null) {
            return;
        }
        if ("BASIC".equals(launch.rightSizing()) && launch.instanceType() == null) {
            server.problems().add(server.pathOf("launch") + ".rightSizing", "BASIC conflicts with instanceType "
                    + quote(waveLaunch.instanceType()) + " of the wave's launch settings; give this server its own "
                    + "instanceType or drop the wave's");
        }
    }

    private static void requireSourceRegionForInstanceIds(ObjectFields root, List<ServerSpec> servers,
                                                          String sourceRegion) {
        if (sourceRegion != null || root.has("sourceRegion")) {
            return;
        }
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).sourceInstanceId() != null) {
                root.problems().add("sourceRegion", "is required when a server is given by sourceInstanceId (servers["
                        + i + "] is)");
                return;
            }
        }
    }

    /** Launch settings derived from the source instances need those instances, which live in the source region. */
    private static void requireSourceRegionForDerivation(ObjectFields root, NetworkSettings network,
                                                         List<ServerSpec> servers, String sourceRegion) {
        if (network == null || !network.derivesFromSource() || sourceRegion != null || root.has("sourceRegion")
                || servers.stream().anyMatch(server -> server.sourceInstanceId() != null)) {
            // Nothing to derive, or the missing region is reported already for the servers given by instance ID.
            return;
        }
        root.problems().add("sourceRegion", "is required when network derives launch settings from the source "
                + "instances (recreateSecurityGroups or subnetByAvailabilityZone)");
    }

    /** The agent is installed on EC2 instances, which are found and reached in the source region. */
    private static void requireSourceRegionForAgentInstallation(ObjectFields root, AgentInstallationSettings agent,
                                                                List<ServerSpec> servers, String sourceRegion) {
        if (agent == null || sourceRegion != null || root.has("sourceRegion")
                || servers.stream().anyMatch(server -> server.sourceInstanceId() != null)) {
            // Nothing to install, or the missing region is reported already for the servers given by instance ID.
            return;
        }
        root.problems().add("sourceRegion", "is required when the wave has agentInstallation: the agent is "
                + "installed on EC2 instances of the source region");
    }

    private static List<String> approvers(ObjectFields root) {
        Problems problems = root.problems();
        List<String> approvers = root.texts("approvers");
        if (approvers == null) {
            if (!root.has("approvers")) {
                problems.add("approvers", "is required: at least one email address to ask for the cutover approval");
            }
            return List.of();
        }
        if (approvers.isEmpty()) {
            problems.add("approvers", "must list at least one email address");
        }
        Map<String, String> firstSeen = new HashMap<>();
        for (int i = 0; i < approvers.size(); i++) {
            String path = "approvers[" + i + "]";
            String approver = approvers.get(i);
            AwsNames.email(approver, path, problems);
            String first = firstSeen.putIfAbsent(approver.toLowerCase(Locale.ROOT), path);
            if (first != null) {
                problems.add(path, quote(approver) + " is listed twice (first as " + first + ")");
            }
        }
        return approvers;
    }

    private static TimeLimits timeLimits(ObjectFields root) {
        ObjectFields limits = root.object("timeLimits", TIME_LIMIT_FIELDS);
        return new TimeLimits(
                limit(limits, "replicationHours", 1, 720, DEFAULT_REPLICATION_HOURS, ChronoUnit.HOURS),
                limit(limits, "launchMinutes", 10, 360, DEFAULT_LAUNCH_MINUTES, ChronoUnit.MINUTES),
                limit(limits, "approvalHours", 1, 168, DEFAULT_APPROVAL_HOURS, ChronoUnit.HOURS),
                limit(limits, "stallNoticeMinutes", 5, 1440, DEFAULT_STALL_NOTICE_MINUTES, ChronoUnit.MINUTES),
                limit(limits, "stallRetryMinutes", 5, 1440, DEFAULT_STALL_RETRY_MINUTES, ChronoUnit.MINUTES));
    }

    private static Duration limit(ObjectFields limits, String field, long min, long max, long fallback,
                                  ChronoUnit unit) {
        Long value = limits == null ? null
                : limits.wholeNumberWithin(field, min, max, " " + unit.name().toLowerCase(Locale.ROOT));
        return Duration.of(value != null ? value : fallback, unit);
    }

    private static Policies policies(ObjectFields root) {
        ObjectFields policies = root.object("policies", POLICY_FIELDS);
        if (policies == null) {
            return new Policies(OnServerFailure.CONTINUE, false, true, false);
        }
        String onServerFailure = policies.oneOf("onServerFailure", ON_SERVER_FAILURE);
        Boolean skipTestLaunch = policies.bool("skipTestLaunch");
        Boolean finalizeCutover = policies.bool("finalizeCutover");
        Boolean archive = policies.bool("archiveAfterFinalize");
        if (Boolean.TRUE.equals(archive) && Boolean.FALSE.equals(finalizeCutover)) {
            policies.problems().add(policies.pathOf("archiveAfterFinalize"),
                    "true needs finalizeCutover true: MGN archives only servers whose cutover is finalized");
        }
        return new Policies(onServerFailure != null ? OnServerFailure.valueOf(onServerFailure) : OnServerFailure.CONTINUE,
                Boolean.TRUE.equals(skipTestLaunch), !Boolean.FALSE.equals(finalizeCutover), Boolean.TRUE.equals(archive));
    }

    private static MgnQuotas quotas(ObjectFields root) {
        ObjectFields quotas = root.object("quotas", QUOTA_FIELDS);
        Long replicating = quotas == null ? null
                : quotas.wholeNumberWithin("replicatingServers", 1, MAX_REPLICATING_SERVERS_QUOTA, " servers");
        return replicating != null ? new MgnQuotas(replicating.intValue()) : MgnQuotas.DEFAULT;
    }

    private static NotificationSettings notifications(ObjectFields root) {
        ObjectFields notifications = root.object("notifications", NOTIFICATION_FIELDS);
        String level = notifications == null ? null : notifications.oneOf("level", NOTIFICATION_LEVELS);
        return level != null ? new NotificationSettings(NotificationSettings.Level.valueOf(level))
                : NotificationSettings.DEFAULT;
    }
}
