package dev.ferry.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.ListCommandsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The exact SSM requests {@link SdkSsmCommands} sends and how it reads the answers. */
@ExtendWith(MockitoExtension.class)
class SdkSsmCommandsTest {

    @Mock
    SsmClient ssm;

    @Test
    void managedInstancesAreAskedByInstanceIdFilterAndTheirPingStatusIsKept() {
        when(ssm.describeInstanceInformation(any(DescribeInstanceInformationRequest.class))).thenReturn(
                DescribeInstanceInformationResponse.builder().instanceInformationList(
                        InstanceInformation.builder().instanceId("i-1").pingStatus("Online").platformType("Linux").build(),
                        InstanceInformation.builder().instanceId("i-2").pingStatus("ConnectionLost").build()).build());

        Map<String, ManagedInstance> managed = new SdkSsmCommands(ssm).managedInstances(List.of("i-1", "i-2", "i-3"));

        ArgumentCaptor<DescribeInstanceInformationRequest> sent = ArgumentCaptor.forClass(DescribeInstanceInformationRequest.class);
        verify(ssm).describeInstanceInformation(sent.capture());
        assertThat(sent.getValue().filters()).singleElement().satisfies(filter -> {
            assertThat(filter.key()).isEqualTo("InstanceIds");
            assertThat(filter.values()).containsExactly("i-1", "i-2", "i-3");
        });
        assertThat(managed).containsOnlyKeys("i-1", "i-2");
        assertThat(managed.get("i-1").online()).isTrue();
        assertThat(managed.get("i-2").online()).isFalse();
    }

    @Test
    void theScriptIsSentToTheOneInstanceWithItsDocumentCommandsAndTimeoutAndACommentSsmAccepts() {
        when(ssm.sendCommand(any(SendCommandRequest.class))).thenReturn(SendCommandResponse.builder()
                .command(command -> command.commandId("cmd-1")).build());
        RunCommandScript script = new RunCommandScript(ScriptDocument.SHELL, List.of("echo one", "echo two"));

        String commandId = new SdkSsmCommands(ssm).send("i-1", script, "x".repeat(150), Duration.ofMinutes(20));

        ArgumentCaptor<SendCommandRequest> sent = ArgumentCaptor.forClass(SendCommandRequest.class);
        verify(ssm).sendCommand(sent.capture());
        assertThat(commandId).isEqualTo("cmd-1");
        assertThat(sent.getValue().instanceIds()).containsExactly("i-1");
        assertThat(sent.getValue().documentName()).isEqualTo("AWS-RunShellScript");
        assertThat(sent.getValue().comment()).hasSize(SdkSsmCommands.MAX_COMMENT_LENGTH);
        assertThat(sent.getValue().parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "commands", List.of("echo one", "echo two"), "executionTimeout", List.of("1200")));
    }

    @Test
    void aSentCommandIsLookedForByInstanceAndDocumentAndMatchedByItsExactComment() {
        when(ssm.listCommands(any(ListCommandsRequest.class))).thenReturn(ListCommandsResponse.builder().commands(
                command("cmd-other", "AWS-RunShellScript", "ferry agent install i-1 wave other", 1),
                command("cmd-1", "AWS-RunShellScript", "ferry agent install i-1 wave w-1", 2)).build());

        Optional<String> found = new SdkSsmCommands(ssm).findSent("i-1", "AWS-RunShellScript",
                "ferry agent install i-1 wave w-1");

        ArgumentCaptor<ListCommandsRequest> asked = ArgumentCaptor.forClass(ListCommandsRequest.class);
        verify(ssm).listCommands(asked.capture());
        assertThat(asked.getValue().instanceId()).isEqualTo("i-1");
        assertThat(asked.getValue().filters()).singleElement().satisfies(filter -> {
            assertThat(filter.keyAsString()).isEqualTo("DocumentName");
            assertThat(filter.value()).isEqualTo("AWS-RunShellScript");
        });
        assertThat(found).contains("cmd-1");
    }

    @Test
    void everyPageIsReadAndTheLatestMatchingCommandIsAdopted() {
        when(ssm.listCommands(any(ListCommandsRequest.class))).thenReturn(
                ListCommandsResponse.builder().commands(command("cmd-2", "AWS-RunShellScript", "c", 2))
                        .nextToken("page-2").build(),
                ListCommandsResponse.builder().commands(command("cmd-1", "AWS-RunShellScript", "c", 1),
                        command("cmd-3", "AWS-RunShellScript", "c", 3)).build());

        Optional<String> found = new SdkSsmCommands(ssm).findSent("i-1", "AWS-RunShellScript", "c");

        ArgumentCaptor<ListCommandsRequest> asked = ArgumentCaptor.forClass(ListCommandsRequest.class);
        verify(ssm, times(2)).listCommands(asked.capture());
        assertThat(asked.getAllValues().get(1).nextToken()).isEqualTo("page-2");
        assertThat(found).contains("cmd-3");
    }

    @Test
    void aCommandOfAnotherDocumentIsNotAdoptedEvenWhenTheEndpointIgnoresTheFilter() {
        when(ssm.listCommands(any(ListCommandsRequest.class))).thenReturn(ListCommandsResponse.builder()
                .commands(command("cmd-1", "AWS-RunPowerShellScript", "c", 1)).build());

        assertThat(new SdkSsmCommands(ssm).findSent("i-1", "AWS-RunShellScript", "c")).isEmpty();
    }

    @Test
    void aLongCommentIsMatchedAsSsmKeptIt() {
        String comment = "y".repeat(150);
        when(ssm.listCommands(any(ListCommandsRequest.class))).thenReturn(ListCommandsResponse.builder()
                .commands(command("cmd-1", "AWS-RunShellScript", comment.substring(0, 100), 1)).build());

        assertThat(new SdkSsmCommands(ssm).findSent("i-1", "AWS-RunShellScript", comment)).contains("cmd-1");
    }

    private static Command command(String id, String document, String comment, int minute) {
        return Command.builder().commandId(id).documentName(document).comment(comment)
                .requestedDateTime(Instant.parse("2026-03-02T10:00:00Z").plusSeconds(60L * minute)).build();
    }

    @Test
    void anInstanceSsmDoesNotManageIsNamedInATypedFailure() {
        when(ssm.sendCommand(any(SendCommandRequest.class)))
                .thenThrow(InvalidInstanceIdException.builder().message("bad").build());

        assertThatThrownBy(() -> new SdkSsmCommands(ssm).send("i-1",
                new RunCommandScript(ScriptDocument.SHELL, List.of("true")), "c", Duration.ofMinutes(1)))
                .isInstanceOf(InstanceNotManagedException.class)
                .hasMessageContaining("i-1");
    }

    @Test
    void anInvocationNotVisibleYetIsPending() {
        when(ssm.getCommandInvocation(any(GetCommandInvocationRequest.class)))
                .thenThrow(InvocationDoesNotExistException.builder().message("not yet").build());

        CommandResult result = new SdkSsmCommands(ssm).result("cmd-1", "i-1");

        ArgumentCaptor<GetCommandInvocationRequest> asked = ArgumentCaptor.forClass(GetCommandInvocationRequest.class);
        verify(ssm).getCommandInvocation(asked.capture());
        assertThat(asked.getValue().commandId()).isEqualTo("cmd-1");
        assertThat(asked.getValue().instanceId()).isEqualTo("i-1");
        assertThat(result.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(result.status().finished()).isFalse();
    }

    @Test
    void aFailedInvocationKeepsItsExitCodeAndTheEndOfItsOutput() {
        String longError = "x".repeat(1000) + "\nERROR: cannot reach MGN on port 443\n";
        when(ssm.getCommandInvocation(any(GetCommandInvocationRequest.class))).thenReturn(GetCommandInvocationResponse.builder()
                .status("Failed").responseCode(1).standardOutputContent("downloading\n")
                .standardErrorContent(longError).build());

        CommandResult result = new SdkSsmCommands(ssm).result("cmd-1", "i-1");

        assertThat(result.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.outputExcerpt()).isEqualTo("downloading");
        assertThat(result.errorExcerpt()).hasSize(CommandResult.EXCERPT_LENGTH).startsWith("…")
                .endsWith("ERROR: cannot reach MGN on port 443");
    }

    @Test
    void anInvocationStillRunningHasNoExitCode() {
        when(ssm.getCommandInvocation(any(GetCommandInvocationRequest.class))).thenReturn(GetCommandInvocationResponse.builder()
                .status("InProgress").responseCode(-1).build());

        CommandResult result = new SdkSsmCommands(ssm).result("cmd-1", "i-1");

        assertThat(result.status()).isEqualTo(CommandStatus.IN_PROGRESS);
        assertThat(result.exitCode()).isNull();
    }
}
