package dev.ferry.local.rehearsal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.rehearsal.ProjectFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the real AWS CLI against the simulated Systems Manager and Route 53 of
 * {@code bin/ferry serve} (a child process on a free loopback port, with
 * {@code events/rehearsal/agent-and-dns-environment.json}): SSM answers for the source region,
 * Route 53 whatever region the CLI signs for. Skipped, saying so, when {@code aws} is not installed,
 * unless {@code FERRY_REQUIRE_TOOLS=true}.
 */
class SsmAndRoute53AwsCliIntegrationTest {

    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String INSTALLS = "i-0a1b2c3d4e5f60718";
    /** Serve's pace: the installer's minute and a half passes in a fraction of a second. */
    private static final double SPEED = 600;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    private static ServeProcess serve;
    private static AwsCli sourceRegion;
    private static AwsCli targetRegion;

    @BeforeAll
    static void startServe() throws IOException {
        Optional<Path> executable = AwsCli.find();
        if (executable.isPresent()) {
            serve = ServeProcess.start(ProjectFolder.root().resolve("events/rehearsal/agent-and-dns-environment.json"), SPEED);
            Path emptyConfig = Files.writeString(folder.resolve("empty-aws-config"), "");
            sourceRegion = AwsCli.at(executable.get(), serve.endpoint(), "us-east-1", ProjectFolder.root(), emptyConfig);
            targetRegion = AwsCli.at(executable.get(), serve.endpoint(), "eu-central-1", ProjectFolder.root(), emptyConfig);
        }
    }

    /** Each test says for itself that the CLI is missing (a skipped class would not show the message). */
    @BeforeEach
    void requireTheCli() {
        AwsCli.require();
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void describeInstanceInformationListsTheSourceRegionsManagedInstances() {
        JsonNode answer = sourceRegion.run("ssm", "describe-instance-information",
                "--filters", "Key=InstanceIds,Values=" + INSTALLS).json();

        assertThat(answer.path("InstanceInformationList")).singleElement().satisfies(instance -> {
            assertThat(instance.path("InstanceId").asText()).isEqualTo(INSTALLS);
            assertThat(instance.path("PingStatus").asText()).isEqualTo("Online");
            assertThat(instance.path("PlatformType").asText()).isEqualTo("Linux");
        });
    }

    @Test
    void theTargetRegionsSystemsManagerManagesNoSourceInstance() {
        JsonNode answer = targetRegion.run("ssm", "describe-instance-information").json();

        assertThat(answer.path("InstanceInformationList")).isEmpty();
    }

    @Test
    void aCommandSentWithTheCliRunsToSuccess() {
        String commandId = sourceRegion.run("ssm", "send-command", "--instance-ids", INSTALLS,
                "--document-name", "AWS-RunShellScript", "--comment", "check",
                "--parameters", "commands=uname -a").json().path("Command").path("CommandId").asText();

        JsonNode invocation = eventually(() -> sourceRegion.run("ssm", "get-command-invocation", "--command-id", commandId,
                "--instance-id", INSTALLS));

        assertThat(invocation.path("ResponseCode").asInt()).isZero();
        assertThat(invocation.path("Comment").asText()).isEqualTo("check");
    }

    @Test
    void listResourceRecordSetsShowsTheZonesRecordsAfterItsNsAndSoa() {
        JsonNode answer = targetRegion.run("route53", "list-resource-record-sets", "--hosted-zone-id", ZONE).json();

        assertThat(answer.path("ResourceRecordSets")).extracting(set -> set.path("Name").asText() + " " + set.path("Type").asText())
                .containsExactly("example.com. NS", "example.com. SOA", "media.example.com. A", "www.example.com. CNAME");
    }

    @Test
    void aBatchThatCreatesAnExistingRecordIsRefusedWithRoute53sReason() throws IOException {
        Path batch = Files.writeString(folder.resolve("create-existing.json"), """
                {"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Name": "media.example.com", "Type": "A",
                  "TTL": 60, "ResourceRecords": [{"Value": "203.0.113.9"}]}}]}""");

        AwsCli.Result result = targetRegion.run("route53", "change-resource-record-sets", "--hosted-zone-id", ZONE,
                "--change-batch", "file://" + batch);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("InvalidChangeBatch")
                .contains("Tried to create resource record set [name='media.example.com.', type='A'] but it already exists");
    }

    /** Asks again (serve runs on its own) until the invocation has ended, for {@link #PATIENCE} at most. */
    private static JsonNode eventually(Supplier<AwsCli.Result> ask) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            AwsCli.Result result = ask.get();
            if (result.exitCode() == 0 && "Success".equals(result.json().path("Status").asText())) {
                return result.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The command did not succeed within " + PATIENCE.toSeconds() + " s: "
                        + result.output() + result.errors() + "\nserve printed:\n" + serve.console());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for serve", e);
            }
        }
    }
}
