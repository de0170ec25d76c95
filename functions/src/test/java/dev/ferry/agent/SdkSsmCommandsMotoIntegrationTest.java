package dev.ferry.agent;

import dev.ferry.network.Platform;
import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Integration test: {@link SdkSsmCommands} sending the agent installation through Run Command
 * of a real moto server (SSM and EC2 emulator). Skipped when moto_server is not installed (see
 * {@link MotoServer}). moto runs nothing: it records the command and reports every invocation
 * as succeeded with empty output.
 */
class SdkSsmCommandsMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static SsmClient ssm;
    static Ec2Client ec2;
    static SdkSsmCommands commands;

    @BeforeAll
    static void connect() {
        ssm = MOTO.client(SsmClient.builder());
        ec2 = MOTO.client(Ec2Client.builder());
        commands = new SdkSsmCommands(ssm);
    }

    @AfterAll
    static void disconnect() {
        ssm.close();
        ec2.close();
    }

    @Test
    void theInstallScriptIsSentWithItsDocumentCommandsAndTimeout() {
        String instanceId = instance();
        RunCommandScript script = AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1");

        String commandId = commands.send(instanceId, script, "Ferry w-1: install the replication agent",
                Duration.ofMinutes(30));

        Command sent = ssm.listCommands(request -> request.commandId(commandId)).commands().getFirst();
        assertThat(sent.documentName()).isEqualTo("AWS-RunShellScript");
        // moto 5.2 adds every instance of the region to a command sent without Targets (it reads
        // "no target filter" as "all instances"); real SSM runs it on the named instance only.
        assertThat(sent.instanceIds()).contains(instanceId);
        assertThat(sent.comment()).isEqualTo("Ferry w-1: install the replication agent");
        assertThat(sent.parameters()).containsEntry("commands", script.commands())
                .containsEntry("executionTimeout", List.of("1800"));
    }

    @Test
    void theResultOfASentCommandIsRead() {
        String instanceId = instance();
        String commandId = commands.send(instanceId, AgentInstallCommand.forPlatform(Platform.WINDOWS, "eu-central-1"),
                "Ferry w-1", Duration.ofMinutes(30));

        CommandResult result = commands.result(commandId, instanceId);

        assertThat(result).isEqualTo(new CommandResult(commandId, instanceId, CommandStatus.SUCCESS, 0, "", ""));
    }

    @Test
    void aCommandSentWithACommentIsFoundAgainByThatComment() {
        String instanceId = instance();
        String commandId = commands.send(instanceId, AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1"),
                "ferry agent install " + instanceId + " wave w-2", Duration.ofMinutes(30));

        assertThat(commands.findSent(instanceId, "AWS-RunShellScript", "ferry agent install " + instanceId
                + " wave w-2")).contains(commandId);
    }

    @Test
    void noCommandIsFoundForACommentNothingWasSentWith() {
        String instanceId = instance();
        commands.send(instanceId, AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1"),
                "ferry agent install " + instanceId + " wave w-3", Duration.ofMinutes(30));

        assertThat(commands.findSent(instanceId, "AWS-RunShellScript", "ferry agent install " + instanceId
                + " wave w-4")).isEmpty();
    }

    @Test
    void thisMotoDoesNotImplementDescribeInstanceInformationAndAnswersAServerError() {
        // moto 5.2 has no DescribeInstanceInformation: it answers HTTP 500. This pins that, so a
        // moto that gains it is noticed; SdkSsmCommandsTest covers the request and its answer.
        try (SsmClient noRetries = SsmClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(MotoServer.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            String instanceId = instance();

            assertThatThrownBy(() -> new SdkSsmCommands(noRetries).managedInstances(List.of(instanceId)))
                    .isInstanceOfSatisfying(SsmException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }
    }

    private static String instance() {
        String imageId = ec2.describeImages(images -> images.owners("amazon")).images().getFirst().imageId();
        return ec2.runInstances(run -> run.imageId(imageId).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1))
                .instances().getFirst().instanceId();
    }
}
