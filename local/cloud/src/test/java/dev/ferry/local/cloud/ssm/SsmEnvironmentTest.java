package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ssm} section of an environment file: what it means, and every problem it can have. */
class SsmEnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platforms of the MGN servers of the file being read, by source instance. */
    private static final Map<String, SsmPlatform> SERVERS = Map.of("i-0a1b2c3d4e5f60718", SsmPlatform.WINDOWS);

    private final List<String> problems = new ArrayList<>();

    @Test
    void anEnvironmentWithoutTheSectionManagesNoInstance() throws IOException {
        assertThat(read("{}")).isEqualTo(SsmEnvironment.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void theAgentAndDnsEnvironmentFileReadsAsWritten() {
        JsonNode file = SsmTestRig.readAgentAndDnsEnvironment();
        SsmEnvironment environment = SsmEnvironment.fromJson(file,
                SsmEnvironment.platformsOf(MgnEnvironment.fromJson(file)), problems);

        assertThat(problems).isEmpty();

        assertThat(environment.instances()).hasSize(5);
        assertThat(environment.instances().getFirst()).isEqualTo(new ManagedInstanceSpec("i-0a1b2c3d4e5f60718",
                SsmPlatform.LINUX, PingStatus.ONLINE, AgentInstallSpec.SUCCEEDS));
        assertThat(environment.instances().get(1).agentInstall()).isEqualTo(new AgentInstallSpec(AgentInstallOutcome.FAILS,
                Duration.ofSeconds(40), 3, Optional.empty(), Optional.of("curl: (28) Failed to connect to "
                        + "aws-application-migration-service-eu-central-1.s3.eu-central-1.amazonaws.com port 443 after 30000 ms")));
        assertThat(environment.instances().get(2).platform()).isEqualTo(SsmPlatform.WINDOWS);
        assertThat(environment.instances().get(3).pingStatus()).isEqualTo(PingStatus.CONNECTION_LOST);
    }

    @Test
    void anMgnServersInstanceTakesItsPlatformFromTheServer() throws IOException {
        SsmEnvironment environment = read("{'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718'}]}}");

        assertThat(problems).isEmpty();
        assertThat(environment.instances().getFirst().platform()).isEqualTo(SsmPlatform.WINDOWS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the section is not an object                 | {'ssm': []}                                                                  | ssm: must be an object
            an unknown field                             | {'ssm': {'instances': [], 'instance': []}}                                   | ssm.instance: unknown field (expected one of instances)
            no instances                                 | {'ssm': {}}                                                                  | ssm.instances: is required
            an instance without ID                       | {'ssm': {'instances': [{'platformType': 'Linux'}]}}                          | ssm.instances[0].instanceId: is required
            an instance ID of the wrong form             | {'ssm': {'instances': [{'instanceId': 'i-XYZ', 'platformType': 'Linux'}]}}   | ssm.instances[0].instanceId: must be "i-" followed by 8 to 17 lower-case hex digits, got "i-XYZ"
            an instance twice                            | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718'}, {'instanceId': 'i-0a1b2c3d4e5f60718'}]}} | ssm.instances[1].instanceId: duplicates another instance's i-0a1b2c3d4e5f60718
            no platform for an instance MGN does not know | {'ssm': {'instances': [{'instanceId': 'i-0b2c3d4e5f6071829'}]}}             | ssm.instances[0].platformType: is required for an instance that is not an MGN server's source (one of Linux, Windows)
            a platform the MGN server does not run       | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'platformType': 'Linux'}]}} | ssm.instances[0].platformType: is Linux but the MGN server with instance i-0a1b2c3d4e5f60718 runs Windows
            an unknown platform                          | {'ssm': {'instances': [{'instanceId': 'i-0b2c3d4e5f6071829', 'platformType': 'MacOS'}]}} | ssm.instances[0].platformType: must be one of Linux, Windows
            an unknown ping status                       | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'pingStatus': 'Inactive'}]}} | ssm.instances[0].pingStatus: must be one of Online, ConnectionLost
            an installer without outcome                 | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {}}]}} | ssm.instances[0].agentInstall.outcome: is required (one of SUCCEEDS, FAILS, NEVER_REGISTERS)
            an unknown outcome                           | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'HANGS'}}]}} | ssm.instances[0].agentInstall.outcome: must be one of SUCCEEDS, FAILS, NEVER_REGISTERS
            a run time of zero                           | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'SUCCEEDS', 'runSeconds': 0}}]}} | ssm.instances[0].agentInstall.runSeconds: must be a whole number from 1 to 172800
            an exit code for a success                   | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'SUCCEEDS', 'exitCode': 2}}]}} | ssm.instances[0].agentInstall.exitCode: applies only when outcome is FAILS (a successful installer exits 0)
            an exit code of zero for a failure           | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'FAILS', 'exitCode': 0}}]}} | ssm.instances[0].agentInstall.exitCode: must be a whole number from 1 to 255
            an error for a success                       | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'NEVER_REGISTERS', 'error': 'x'}}]}} | ssm.instances[0].agentInstall.error: applies only when outcome is FAILS
            an unknown installer field                   | {'ssm': {'instances': [{'instanceId': 'i-0a1b2c3d4e5f60718', 'agentInstall': {'outcome': 'FAILS', 'stdout': 'x'}}]}} | ssm.instances[0].agentInstall.stdout: unknown field (expected one of outcome, runSeconds, exitCode, output, error)
            """)
    void eachProblemIsReportedWithItsPath(String problem, String json, String expected) throws IOException {
        read(json);

        assertThat(problems).as(problem).containsExactly(expected);
    }

    private SsmEnvironment read(String json) throws IOException {
        return SsmEnvironment.fromJson(JSON.readTree(json.replace('\'', '"')), SERVERS, problems);
    }
}
