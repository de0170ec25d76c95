package dev.ferry.local.mgn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.ferry.local.mgn.TestEnvironment.instanceId;
import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The AWS CLI (botocore) is a second, independent client of the wire protocol. */
class AwsCliIntegrationTest {

    private static final long CLI_TIMEOUT_SECONDS = 60;

    private MgnTestRig rig;
    private Path aws;

    @BeforeEach
    void findCli() {
        Optional<Path> found = awsOnPath();
        assumeTrue(found.isPresent(), "AWS CLI is missing: no 'aws' executable on PATH, skipping the CLI test");
        aws = found.get();
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(MgnTestRig.EIGHT_GIB_READY);
    }

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void the_aws_cli_describes_source_servers() throws Exception {
        CliResult result = runCli("describe-source-servers");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode server = new ObjectMapper().readTree(result.stdout()).get("items").get(0);
        assertThat(server.get("sourceServerID").asText()).isEqualTo(serverId(1));
        assertThat(server.at("/sourceProperties/identificationHints/awsInstanceID").asText())
                .isEqualTo(instanceId(1));
        assertThat(server.at("/lifeCycle/state").asText()).isEqualTo("READY_FOR_TEST");
        assertThat(server.at("/dataReplicationInfo/lagDuration").asText()).isEqualTo("PT2S");
    }

    @Test
    void the_aws_cli_reports_a_refused_call_by_its_error_code() throws Exception {
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1)));

        CliResult result = runCli("start-test", "--source-server-ids", serverId(1));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("(ConflictException)");
    }

    private CliResult runCli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "mgn"));
        command.addAll(Arrays.asList(arguments));
        command.addAll(List.of("--endpoint-url", rig.server.endpoint().toString(), "--region", "eu-central-1",
                "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", "AKIDFERRYTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "ferry-test-secret");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_PAGER", "");
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_SESSION_TOKEN");
        Path stdout = Files.createTempFile("aws-cli", ".out");
        Path stderr = Files.createTempFile("aws-cli", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws did not finish within " + CLI_TIMEOUT_SECONDS + " s");
            }
            return new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Optional<Path> awsOnPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "aws"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private record CliResult(int exitCode, String stdout, String stderr) {
    }
}
