package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the {@code ssm} section of an environment file; see {@link SsmEnvironment#fromJson}. */
final class SsmEnvironmentReader {

    private static final String SECTION = "ssm";
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern ANY_TEXT = Pattern.compile("(?s).*");
    /** Run Command's longest execution timeout: a longer installer run could never finish. */
    private static final long MAX_RUN_SECONDS = 172_800;

    private final Map<String, SsmPlatform> platformsOfSourceServers;
    private final List<String> problems;

    SsmEnvironmentReader(Map<String, SsmPlatform> platformsOfSourceServers, List<String> problems) {
        this.platformsOfSourceServers = platformsOfSourceServers;
        this.problems = problems;
    }

    SsmEnvironment read(JsonNode root) {
        Optional<ObjectReader> section = ObjectReader.section(root, SECTION, problems);
        if (section.isEmpty()) {
            return SsmEnvironment.NONE;
        }
        section.get().rejectUnknownFields("instances");
        List<ManagedInstanceSpec> instances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectReader instance : section.get().objectArray("instances", true, true)) {
            ManagedInstanceSpec spec = readInstance(instance);
            if (!spec.instanceId().isEmpty() && !seen.add(spec.instanceId())) {
                instance.problem("instanceId", "duplicates another instance's " + spec.instanceId());
            }
            instances.add(spec);
        }
        return new SsmEnvironment(instances);
    }

    private ManagedInstanceSpec readInstance(ObjectReader instance) {
        instance.rejectUnknownFields("instanceId", "platformType", "pingStatus", "agentInstall");
        String instanceId = instance.requiredString("instanceId", INSTANCE_ID,
                "\"i-\" followed by 8 to 17 lower-case hex digits");
        SsmPlatform platform = platform(instance, instanceId);
        PingStatus pingStatus = instance.optionalChoice("pingStatus", PingStatus.wireNames())
                .map(PingStatus::ofWireName).orElse(PingStatus.ONLINE);
        AgentInstallSpec agentInstall = instance.optionalObject("agentInstall").map(this::readAgentInstall)
                .orElse(AgentInstallSpec.SUCCEEDS);
        return new ManagedInstanceSpec(instanceId, platform, pingStatus, agentInstall);
    }

    /** The given platform, else the MGN server's; the two must agree, since both describe one machine. */
    private SsmPlatform platform(ObjectReader instance, String instanceId) {
        Optional<SsmPlatform> ofServer = Optional.ofNullable(platformsOfSourceServers.get(instanceId));
        Optional<SsmPlatform> given = instance.optionalChoice("platformType", SsmPlatform.platformTypes())
                .map(SsmPlatform::ofPlatformType);
        if (given.isPresent() && ofServer.isPresent() && given.get() != ofServer.get()) {
            instance.problem("platformType", "is " + given.get().platformType() + " but the MGN server with instance "
                    + instanceId + " runs " + ofServer.get().platformType());
        }
        if (given.isEmpty() && ofServer.isEmpty() && !instance.has("platformType")) {
            instance.problem("platformType", "is required for an instance that is not an MGN server's source"
                    + " (one of " + String.join(", ", SsmPlatform.platformTypes()) + ")");
        }
        return given.or(() -> ofServer).orElse(SsmPlatform.LINUX);
    }

    private AgentInstallSpec readAgentInstall(ObjectReader install) {
        install.rejectUnknownFields("outcome", "runSeconds", "exitCode", "output", "error");
        List<String> outcomes = Arrays.stream(AgentInstallOutcome.values()).map(Enum::name).toList();
        if (!install.has("outcome")) {
            install.problem("outcome", "is required (one of " + String.join(", ", outcomes) + ")");
        }
        AgentInstallOutcome outcome = install.optionalChoice("outcome", outcomes)
                .map(AgentInstallOutcome::valueOf).orElse(AgentInstallOutcome.SUCCEEDS);
        Duration runTime = install.optionalWholeNumber("runSeconds", 1, MAX_RUN_SECONDS).map(Duration::ofSeconds)
                .orElse(AgentInstallSpec.DEFAULT_RUN_TIME);
        Optional<Long> exitCode = install.optionalWholeNumber("exitCode", 1, 255);
        if (exitCode.isPresent() && outcome != AgentInstallOutcome.FAILS) {
            install.problem("exitCode", "applies only when outcome is FAILS (a successful installer exits 0)");
        }
        Optional<String> error = install.optionalString("error", ANY_TEXT, "a string");
        if (error.isPresent() && outcome != AgentInstallOutcome.FAILS) {
            install.problem("error", "applies only when outcome is FAILS");
        }
        return new AgentInstallSpec(outcome, runTime,
                outcome == AgentInstallOutcome.FAILS ? exitCode.orElse((long) AgentInstallSpec.DEFAULT_FAILURE_EXIT_CODE).intValue() : 0,
                install.optionalString("output", ANY_TEXT, "a string"), error);
    }
}
