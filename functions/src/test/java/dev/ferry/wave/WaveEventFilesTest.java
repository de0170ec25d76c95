package dev.ferry.wave;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every wave definition in {@code events/}: the valid ones parse, each invalid one fails with exactly its problems. */
class WaveEventFilesTest {

    private static final String WAVE_FIELDS = String.join(", ", WaveDefinitionParser.ROOT_FIELDS);
    private static final String SERVER_FIELDS = String.join(", ", WaveDefinitionParser.SERVER_FIELDS);
    private static final String SG_SHAPE = "is not a security group ID (sg- followed by 8 or 17 lowercase hexadecimal digits)";
    private static final String SUBNET_SHAPE = "is not a subnet ID (subnet- followed by 8 or 17 lowercase hexadecimal digits)";

    /** What each invalid file must be refused for, line by line, in the order the parser reports them. */
    private static final Map<String, List<String>> EXPECTED_PROBLEMS = Map.of(
            "invalid-wave-missing-fields.json", List.of(
                    "waveName: is required",
                    "targetRegion: is required",
                    "servers: must list at least one server",
                    "approvers: must list at least one email address"),
            "invalid-wave-identifiers.json", List.of(
                    "waveName: \"wave 1\" must be 1 to 64 letters, digits, - or _",
                    "targetRegion: \"eu-central\" is not an AWS region name (such as eu-central-1)",
                    "servers[1].sourceServerId: \"s-123\" is not an MGN source server ID (s- followed by 17 letters or digits)",
                    "servers[2].sourceServerId: \"s-13a5b49c3810fa449\" is listed twice (first as servers[0].sourceServerId)",
                    "servers[3].sourceInstanceId: \"i-0A1B2C3D4E5F60718\" is not an EC2 instance ID "
                            + "(i- followed by 8 or 17 lowercase hexadecimal digits)",
                    "servers[4]: needs sourceServerId or sourceInstanceId",
                    "sourceRegion: is required when a server is given by sourceInstanceId (servers[3] is)"),
            "invalid-wave-typos-and-types.json", List.of(
                    "timeLimit: unknown field (did you mean \"timeLimits\"?); known fields: " + WAVE_FIELDS,
                    "waveName: must be a string, not the number 42",
                    "servers[0].lauch: unknown field (did you mean \"launch\"?); known fields: " + SERVER_FIELDS,
                    "approvers: must be an array, not a string (\"ops@example.com\")",
                    "timeLimits.replicationHours: must be a whole number, not a string (\"24\")",
                    "timeLimits.launchMinutes: must be a whole number, not a decimal number (30.5)",
                    "policies.onServerFailure: \"ABORT\" is not one of CONTINUE, STOP",
                    "policies.skipTestLaunch: must be true or false, not a string (\"yes\")"),
            "invalid-wave-launch-settings.json", List.of(
                    "launch.rightSizing: BASIC lets MGN choose the instance type, which conflicts with instanceType "
                            + "\"t3.micro\"; leave out one of them",
                    "launch.subnetId: \"subnet-xyz\" " + SUBNET_SHAPE,
                    "launch.securityGroupIds[1]: \"default\" " + SG_SHAPE,
                    "launch.tags[\"aws:cloudformation:stack-name\"]: tag keys starting with aws: are reserved for AWS",
                    "launch.launchDisposition: \"RUNNING\" is not one of STARTED, STOPPED",
                    "servers[0].launch.instanceType: \"large\" is not an EC2 instance type (family.size, such as t3.micro)",
                    "servers[1].launch.rightSizing: BASIC conflicts with instanceType \"t3.micro\" of the wave's launch "
                            + "settings; give this server its own instanceType or drop the wave's",
                    "replication.stagingDiskType: \"IO1\" is not one of GP2, GP3, ST1",
                    "replication.dataPlaneRouting: \"VPN\" is not one of PRIVATE_IP, PUBLIC_IP",
                    "replication.bandwidthThrottlingMbps: must be 0 (no limit) or a positive number of Mbps, not -5"),
            "invalid-wave-network-and-dns.json", List.of(
                    "sourceRegion: is required when a server is given by sourceInstanceId (servers[0] is)",
                    "network.targetVpcId: is required when recreateSecurityGroups is true: the copies of the source's "
                            + "security groups are made in this VPC",
                    "network.subnetByAvailabilityZone[\"us-east-1\"]: \"us-east-1\" is not an availability zone name "
                            + "(such as us-east-1a)",
                    "network.keyPair.publicKey: is a PRIVATE key; give its public key (the .pub file) and keep the "
                            + "private key out of the wave",
                    "dns.records[0].hostedZoneId: \"/hostedzone/Z0123\" is not a Route 53 hosted zone ID (up to 32 "
                            + "upper-case letters and digits, such as Z0123456789ABCDEFGHIJ)",
                    "dns.records[0].type: \"MX\" is not one of A, AAAA, CNAME",
                    "dns.records[1].targetValues[0]: \"10.0.0.300\" is not an IPv4 address, which an A record holds",
                    "dns.records[2]: needs targetValues or targetAlias: where the target's weighted set sends traffic",
                    "dns.steps: must end with 100: the last step sends all traffic to the target, e.g. [100] or "
                            + "[10, 50, 100]",
                    "dns.steps: must rise from step to step, not [50, 10, 90]",
                    "dns.pauseMinutes: must be between 0 and 1440 minutes, not -1",
                    "dns.healthCheck.url: \"http://{address}/health\" is not an http:// or https:// URL with a host, "
                            + "such as https://media.example.com/health"),
            "invalid-wave-agent-installation.json", List.of(
                    "agentInstallation.useStackInstanceProfiles: unknown field (did you mean \"useStackInstanceProfile\"?); known "
                            + "fields: attachPoliciesToExistingRole, useStackInstanceProfile, commandTimeoutMinutes, "
                            + "registrationTimeoutMinutes",
                    "agentInstallation.attachPoliciesToExistingRole: must be true or false, not a string (\"yes\")",
                    "agentInstallation.commandTimeoutMinutes: must be between 5 and 120 minutes, not 1",
                    "agentInstallation.registrationTimeoutMinutes: must be between 5 and 180 minutes, not 600",
                    "sourceRegion: is required when the wave has agentInstallation: the agent is installed on EC2 "
                            + "instances of the source region"),
            "invalid-wave-validation-and-limits.json", List.of(
                    "validation.tcp[0].port: must be between 1 and 65535, not 0",
                    "validation.tcp[1].port: must be between 1 and 65535, not 70000",
                    "validation.tcp[1].address: \"ELASTIC\" is not one of PUBLIC, PRIVATE",
                    "validation.http[0].url: \"http://10.0.0.5/health\" must have the literal host {address} "
                            + "(Ferry puts the launched instance's address there), such as http://{address}/health",
                    "validation.http[1].url: \"ftp://{address}/\" must start with http:// or https://",
                    "validation.http[1].expectStatus: must be between 100 and 599, not 700",
                    "validation.timeLimitMinutes: must be between 1 and 120 minutes, not 240",
                    "approvers[1]: \"not-an-email\" is not an email address",
                    "approvers[2]: \"OPS@example.com\" is listed twice (first as approvers[0])",
                    "timeLimits.replicationHours: must be between 1 and 720 hours, not 0",
                    "timeLimits.launchMinutes: must be between 10 and 360 minutes, not 5",
                    "timeLimits.approvalHours: must be between 1 and 168 hours, not 200",
                    "policies.archiveAfterFinalize: true needs finalizeCutover true: MGN archives only servers whose "
                            + "cutover is finalized"));

    static List<String> validWaveFiles() {
        return WaveFiles.allWaveFileNames().stream().filter(name -> !name.startsWith("invalid-")).toList();
    }

    static List<String> invalidWaveFiles() {
        return WaveFiles.allWaveFileNames().stream().filter(name -> name.startsWith("invalid-")).toList();
    }

    @ParameterizedTest
    @MethodSource("validWaveFiles")
    void aValidWaveFileParses(String fileName) {
        assertThatCode(() -> WaveFiles.parse(fileName)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("invalidWaveFiles")
    void anInvalidWaveFileFailsWithExactlyItsProblems(String fileName) {
        assertThat(EXPECTED_PROBLEMS).as("expected problems are written down for " + fileName).containsKey(fileName);

        assertThatThrownBy(() -> WaveFiles.parse(fileName)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line)
                        .containsExactlyElementsOf(EXPECTED_PROBLEMS.get(fileName)));
    }

    @Test
    void everyKindOfWaveFileIsPresent() {
        assertThat(WaveFiles.allWaveFileNames()).contains("start-wave.json", "minimal-wave.json",
                "wave-by-instance-ids.json", "wave-with-network-and-dns.json", "wave-with-agent-installation.json").containsAll(EXPECTED_PROBLEMS.keySet());
    }

    @Test
    void theStartWaveMovesTheMediaServerAndOthersFromUsEast1ToEuCentral1() {
        WaveDefinition wave = WaveFiles.parse("start-wave.json");

        assertThat(wave.sourceRegion()).isEqualTo("us-east-1");
        assertThat(wave.targetRegion()).isEqualTo("eu-central-1");
        assertThat(wave.servers()).extracting(ServerSpec::name)
                .containsExactly("media-server", "media-transcoder", "media-db", "media-proxy");
        assertThat(wave.servers()).allSatisfy(server -> assertThat(server.sourceServerId()).isNotNull());
    }

    @Test
    void theStartWaveProbesHttpOnPort80AndTcpOnPort22() {
        ValidationSettings validation = WaveFiles.parse("start-wave.json").validation();

        assertThat(validation.http()).containsExactly(
                new ValidationSettings.HttpCheck("http://{address}:80/", 200, ValidationSettings.Address.PUBLIC));
        assertThat(validation.tcp()).containsExactly(new ValidationSettings.TcpCheck(22, ValidationSettings.Address.PUBLIC));
    }

    @Test
    void theStartWaveReadsEveryTimeLimitInItsUnit() {
        TimeLimits limits = WaveFiles.parse("start-wave.json").timeLimits();

        assertThat(limits).isEqualTo(new TimeLimits(Duration.ofHours(48), Duration.ofMinutes(45), Duration.ofHours(24),
                Duration.ofMinutes(30), Duration.ofMinutes(60)));
    }

    @Test
    void theWaveWithNetworkAndDnsRecreatesGroupsAndSwitchesDnsInThreeSteps() {
        WaveDefinition wave = WaveFiles.parse("wave-with-network-and-dns.json");

        assertThat(wave.network().recreateSecurityGroups()).isTrue();
        assertThat(wave.network().subnetByAvailabilityZone()).containsKeys("us-east-1a", "us-east-1b");
        assertThat(wave.network().keyPair().name()).isEqualTo("media-eu-central-1");
        assertThat(wave.dns().steps()).containsExactly(10, 50, 100);
        assertThat(wave.dns().healthCheck()).isEqualTo(new DnsSettings.HealthCheck("https://media.example.com/health", 200));
    }

    @Test
    void theWaveWithAgentInstallationLetsFerryFixTheInstancesAndSetsItsOwnTimeouts() {
        WaveDefinition wave = WaveFiles.parse("wave-with-agent-installation.json");

        assertThat(wave.agentInstallation()).isEqualTo(new AgentInstallationSettings(true, true,
                Duration.ofMinutes(20), Duration.ofMinutes(45)));
    }

    @Test
    void aWaveWithoutAgentInstallationInstallsNoAgent() {
        assertThat(WaveFiles.parse("wave-by-instance-ids.json").agentInstallation()).isNull();
    }

    @Test
    void anEmptyAgentInstallationChangesNothingOnTheInstancesAndWaitsHalfAnHourForEachStep() {
        ObjectNode json = WaveFiles.read("wave-by-instance-ids.json");
        json.putObject("agentInstallation");

        WaveDefinition wave = WaveDefinitionParser.parse(json);

        assertThat(wave.agentInstallation()).isEqualTo(new AgentInstallationSettings(false, false,
                Duration.ofMinutes(30), Duration.ofMinutes(30)));
    }

    @Test
    void theWaveByInstanceIdsNamesItsServersByTheirSourceInstances() {
        WaveDefinition wave = WaveFiles.parse("wave-by-instance-ids.json");

        assertThat(wave.servers()).extracting(ServerSpec::sourceInstanceId)
                .containsExactly("i-0a1b2c3d4e5f60718", "i-0b2c3d4e5f6071829", "i-1a2b3c4d");
    }
}
