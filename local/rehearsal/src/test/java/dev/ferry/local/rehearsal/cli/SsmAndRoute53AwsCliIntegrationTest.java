package dev.ferry.local.rehearsal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the real AWS CLI against the simulated Systems Manager and Route 53 of
 * {@code bin/ferry serve} (a child process on a free loopback port, with
 * {@code events/rehearsal/agent-and-dns-environment.json}): SSM answers for the source region,
 * Route 53 whatever region the CLI signs for. Skipped, saying so, when {@code aws} is not installed,
 * unless {@code FERRY_REQUIRE_TOOLS=true}.
 */
class SsmAndRoute53AwsCliIntegrationTest {

    private static final String SOURCE_REGION = "us-east-1";
    private static final String TARGET_REGION = "eu-central-1";
    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String INSTALLS = "i-0a1b2c3d4e5f60718";
    /** Serve's pace: the installer's minute and a half passes in a fraction of a second. */
    private static final double SPEED = 600;

    @RegisterExtension
    static final ServedAwsCli SERVE = new ServedAwsCli("events/rehearsal/agent-and-dns-environment.json", SPEED);

    @TempDir
    static Path folder;

    @Test
    void describeInstanceInformationListsTheSourceRegionsManagedInstances() {
        JsonNode answer = SERVE.in(SOURCE_REGION).run("ssm", "describe-instance-information",
                "--filters", "Key=InstanceIds,Values=" + INSTALLS).json();

        assertThat(answer.path("InstanceInformationList")).singleElement().satisfies(instance -> {
            assertThat(instance.path("InstanceId").asText()).isEqualTo(INSTALLS);
            assertThat(instance.path("PingStatus").asText()).isEqualTo("Online");
            assertThat(instance.path("PlatformType").asText()).isEqualTo("Linux");
        });
    }

    @Test
    void theTargetRegionsSystemsManagerManagesNoSourceInstance() {
        JsonNode answer = SERVE.in(TARGET_REGION).run("ssm", "describe-instance-information").json();

        assertThat(answer.path("InstanceInformationList")).isEmpty();
    }

    @Test
    void aCommandSentWithTheCliRunsToSuccess() {
        String commandId = SERVE.in(SOURCE_REGION).run("ssm", "send-command", "--instance-ids", INSTALLS,
                "--document-name", "AWS-RunShellScript", "--comment", "check",
                "--parameters", "commands=uname -a").json().path("Command").path("CommandId").asText();

        JsonNode invocation = SERVE.eventually(() -> SERVE.in(SOURCE_REGION).run("ssm", "get-command-invocation",
                        "--command-id", commandId, "--instance-id", INSTALLS),
                SsmAndRoute53AwsCliIntegrationTest::succeeded).json();

        assertThat(invocation.path("ResponseCode").asInt()).isZero();
        assertThat(invocation.path("Comment").asText()).isEqualTo("check");
    }

    @Test
    void listResourceRecordSetsShowsTheZonesRecordsAfterItsNsAndSoa() {
        JsonNode answer = SERVE.in(TARGET_REGION).run("route53", "list-resource-record-sets", "--hosted-zone-id", ZONE)
                .json();

        assertThat(answer.path("ResourceRecordSets")).extracting(set -> set.path("Name").asText() + " " + set.path("Type").asText())
                .containsExactly("example.com. NS", "example.com. SOA", "media.example.com. A", "www.example.com. CNAME");
    }

    @Test
    void aBatchThatCreatesAnExistingRecordIsRefusedWithRoute53sReason() throws IOException {
        Path batch = Files.writeString(folder.resolve("create-existing.json"), """
                {"Changes": [{"Action": "CREATE", "ResourceRecordSet": {"Name": "media.example.com", "Type": "A",
                  "TTL": 60, "ResourceRecords": [{"Value": "203.0.113.9"}]}}]}""");

        AwsCli.Result result = SERVE.in(TARGET_REGION).run("route53", "change-resource-record-sets",
                "--hosted-zone-id", ZONE, "--change-batch", "file://" + batch);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("InvalidChangeBatch")
                .contains("Tried to create resource record set [name='media.example.com.', type='A'] but it already exists");
    }

    /** Whether the invocation has ended in success; a refused request counts as not yet. */
    private static boolean succeeded(AwsCli.Result invocation) {
        return invocation.exitCode() == 0 && "Success".equals(invocation.json().path("Status").asText());
    }
}
