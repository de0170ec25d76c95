package dev.ferry.local.cloud.ssm;

import dev.ferry.agent.AgentInstallCommand;
import dev.ferry.agent.RunCommandScript;
import dev.ferry.agent.ScriptDocument;
import dev.ferry.network.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.CommandStatus;
import software.amazon.awssdk.services.ssm.model.InvalidCommandIdException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;

import java.time.Duration;
import java.util.List;

import static dev.ferry.local.cloud.ssm.SsmTestRig.INSTALLS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.NEVER_REGISTERS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * ListCommands of the simulated Systems Manager, as a stage that lost track of a command it sent
 * finds it again: by instance, document and status, newest first, with the comment it was sent with.
 */
class ListCommandsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final RunCommandScript CHECK = new RunCommandScript(ScriptDocument.SHELL, List.of("uname -a"));

    private final SsmTestRig rig = new SsmTestRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void theCommandsOfAnInstanceAndDocumentComeNewestFirstWithTheirComments() {
        String check = rig.commands.send(INSTALLS, CHECK, "Ferry w-1: check", TIMEOUT);
        rig.runFor(Duration.ofMinutes(10));
        String install = rig.commands.send(INSTALLS, AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1"),
                "Ferry w-1: install the replication agent", TIMEOUT);
        rig.commands.send(NEVER_REGISTERS, AgentInstallCommand.forPlatform(Platform.WINDOWS, "eu-central-1"),
                "Ferry w-1: install the replication agent", TIMEOUT);

        List<Command> found = rig.ssm.listCommands(r -> r.instanceId(INSTALLS)
                .filters(f -> f.key(CommandFilterKey.DOCUMENT_NAME).value("AWS-RunShellScript"))).commands();

        assertThat(found).extracting(Command::commandId, Command::comment, Command::documentName, Command::requestedDateTime,
                        Command::instanceIds)
                .containsExactly(
                        tuple(install, "Ferry w-1: install the replication agent", "AWS-RunShellScript",
                                START.plus(Duration.ofMinutes(10)), List.of(INSTALLS)),
                        tuple(check, "Ferry w-1: check", "AWS-RunShellScript", START, List.of(INSTALLS)));
    }

    @Test
    void theStatusAndExecutionStageFiltersFollowTheInvocation() {
        String commandId = rig.commands.send(INSTALLS, CHECK, "check", TIMEOUT);
        rig.runFor(Duration.ofSeconds(1));
        List<String> executing = ids(rig.ssm.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.EXECUTION_STAGE)
                .value("Executing"))));

        rig.runFor(Duration.ofMinutes(1));

        assertThat(executing).containsExactly(commandId);
        assertThat(ids(rig.ssm.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.EXECUTION_STAGE).value("Executing")))))
                .isEmpty();
        assertThat(ids(rig.ssm.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.STATUS).value("Success")))))
                .containsExactly(commandId);
        assertThat(rig.ssm.listCommands(r -> r.commandId(commandId)).commands().getFirst().status())
                .isEqualTo(CommandStatus.SUCCESS);
    }

    @Test
    void invokedAfterKeepsOnlyTheCommandsSentSince() {
        rig.commands.send(INSTALLS, CHECK, "early", TIMEOUT);
        rig.runFor(Duration.ofHours(1));
        String late = rig.commands.send(INSTALLS, CHECK, "late", TIMEOUT);

        List<String> found = ids(rig.ssm.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.INVOKED_AFTER)
                .value(START.plus(Duration.ofMinutes(30)).toString()))));

        assertThat(found).containsExactly(late);
    }

    @Test
    void commandsArePagedWithANextToken() {
        String first = rig.commands.send(INSTALLS, CHECK, "first", TIMEOUT);
        rig.runFor(Duration.ofMinutes(1));
        String second = rig.commands.send(INSTALLS, CHECK, "second", TIMEOUT);

        List<String> found = rig.ssm.listCommandsPaginator(r -> r.maxResults(1)).commands().stream()
                .map(Command::commandId).toList();

        assertThat(found).containsExactly(second, first);
    }

    @Test
    void anUnknownFilterKeyIsRefused() {
        assertThatThrownBy(() -> rig.ssm.listCommands(r -> r.filters(f -> f.key("Comment").value("install"))))
                .isInstanceOf(InvalidFilterKeyException.class);
    }

    @Test
    void anUnknownCommandIdIsRefused() {
        assertThatThrownBy(() -> rig.ssm.listCommands(r -> r.commandId("0b8c6f2e-8d5a-4b8e-9a51-2f0c1d3e4a5b")))
                .isInstanceOf(InvalidCommandIdException.class);
    }

    private static List<String> ids(ListCommandsResponse response) {
        return response.commands().stream().map(Command::commandId).toList();
    }
}
