package dev.ferry.local.cloud.ssm;

import dev.ferry.agent.AgentInstallCommand;
import dev.ferry.agent.CommandResult;
import dev.ferry.agent.CommandStatus;
import dev.ferry.agent.InstanceNotManagedException;
import dev.ferry.agent.ManagedInstance;
import dev.ferry.agent.RunCommandScript;
import dev.ferry.agent.ScriptDocument;
import dev.ferry.agent.SdkSsmCommands;
import dev.ferry.network.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ferry.local.cloud.ssm.SsmTestRig.FAILS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.INSTALLS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.NEVER_REGISTERS;
import static dev.ferry.local.cloud.ssm.SsmTestRig.NOT_MIGRATED;
import static dev.ferry.local.cloud.ssm.SsmTestRig.OFFLINE;
import static dev.ferry.local.cloud.ssm.SsmTestRig.UNMANAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Run Command of the simulated Systems Manager, driven by the controller's {@link SdkSsmCommands}
 * over HTTP: which instances it manages, and each invocation through its states on the virtual
 * clock, as the environment file decides it.
 */
class RunCommandTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final RunCommandScript LINUX_INSTALLER = AgentInstallCommand.forPlatform(Platform.LINUX, "eu-central-1");

    private final SsmTestRig rig = new SsmTestRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void onlyTheManagedInstancesAreDescribedWithTheirPlatformAndPingStatus() {
        Map<String, ManagedInstance> found = rig.commands.managedInstances(
                List.of(INSTALLS, NEVER_REGISTERS, OFFLINE, UNMANAGED));

        assertThat(found).containsOnlyKeys(INSTALLS, NEVER_REGISTERS, OFFLINE);
        assertThat(found.get(INSTALLS)).isEqualTo(new ManagedInstance(INSTALLS, "Online", "Linux"));
        assertThat(found.get(NEVER_REGISTERS).platformType()).isEqualTo("Windows");
        assertThat(found.get(OFFLINE).online()).isFalse();
    }

    @Test
    void aClientOfAnotherRegionFindsNoManagedInstance() {
        SdkSsmCommands targetRegion = new SdkSsmCommands(rig.targetRegionSsm);

        assertThat(targetRegion.managedInstances(List.of(INSTALLS))).isEmpty();
        assertThatThrownBy(() -> targetRegion.send(INSTALLS, LINUX_INSTALLER, "install", TIMEOUT))
                .isInstanceOf(InstanceNotManagedException.class);
    }

    @Test
    void aCommandForAnUnmanagedInstanceIsRefused() {
        assertThatThrownBy(() -> rig.commands.send(UNMANAGED, LINUX_INSTALLER, "install", TIMEOUT))
                .isInstanceOf(InstanceNotManagedException.class)
                .hasMessageContaining(UNMANAGED);
    }

    @Test
    void anInvocationDoesNotExistRightAfterSendingAndIsPendingOnceTakenUp() {
        String commandId = rig.commands.send(INSTALLS, LINUX_INSTALLER, "install", TIMEOUT);

        assertThatThrownBy(() -> rig.ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(INSTALLS)))
                .isInstanceOf(InvocationDoesNotExistException.class);
        rig.runFor(Duration.ofSeconds(1));
        assertThat(rig.result(commandId, INSTALLS).status()).isEqualTo(CommandStatus.PENDING);
    }

    @Test
    void theInstallerRunsOnTheVirtualClockAndEndsWithTheInstallersOutput() {
        String commandId = rig.commands.send(INSTALLS, LINUX_INSTALLER, "install", TIMEOUT);

        rig.runFor(Duration.ofSeconds(3));
        CommandResult running = rig.result(commandId, INSTALLS);
        rig.runFor(AgentInstallSpec.DEFAULT_RUN_TIME);
        CommandResult done = rig.result(commandId, INSTALLS);

        assertThat(running.status()).isEqualTo(CommandStatus.IN_PROGRESS);
        assertThat(running.exitCode()).isNull();
        assertThat(done.status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(done.exitCode()).isZero();
        assertThat(done.outputExcerpt()).contains("source server ID: s-13a5b49c3810fa449")
                .endsWith("The AWS Replication Agent was successfully installed.");
    }

    @Test
    void aSuccessfulInstallerRegistersTheAgentWithMgn() {
        boolean before = rig.mgnListsServerOf(INSTALLS);

        rig.commands.send(INSTALLS, LINUX_INSTALLER, "install", TIMEOUT);
        rig.runFor(Duration.ofMinutes(5));

        assertThat(before).isFalse();
        assertThat(rig.mgnListsServerOf(INSTALLS)).isTrue();
    }

    @Test
    void aFailingInstallerEndsFailedWithItsExitCodeAndError() {
        String commandId = rig.commands.send(FAILS, LINUX_INSTALLER, "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(5));

        CommandResult result = rig.result(commandId, FAILS);
        assertThat(result.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.errorExcerpt()).contains("Failed to connect to aws-application-migration-service-eu-central-1");
        assertThat(rig.mgnListsServerOf(FAILS)).isFalse();
    }

    @Test
    void anInstallerThatNeverRegistersSucceedsWithoutTheServerAppearingInMgn() {
        String commandId = rig.commands.send(NEVER_REGISTERS, AgentInstallCommand.forPlatform(Platform.WINDOWS,
                "eu-central-1"), "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(10));

        assertThat(rig.result(commandId, NEVER_REGISTERS).status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(rig.mgnListsServerOf(NEVER_REGISTERS)).isFalse();
    }

    @Test
    void anInstallerOnAnInstanceMgnDoesNotKnowFailsToRegister() {
        String commandId = rig.commands.send(NOT_MIGRATED, LINUX_INSTALLER, "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(5));

        CommandResult result = rig.result(commandId, NOT_MIGRATED);
        assertThat(result.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(result.errorExcerpt()).contains("could not register").contains(NOT_MIGRATED);
    }

    @Test
    void anInstallerForAnotherRegionFails() {
        String commandId = rig.commands.send(INSTALLS, AgentInstallCommand.forPlatform(Platform.LINUX, "eu-west-1"),
                "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(5));

        assertThat(rig.result(commandId, INSTALLS).errorExcerpt()).contains("eu-west-1").contains("eu-central-1");
        assertThat(rig.mgnListsServerOf(INSTALLS)).isFalse();
    }

    @Test
    void aShellScriptFailsOnAWindowsInstance() {
        String commandId = rig.commands.send(NEVER_REGISTERS, LINUX_INSTALLER, "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(1));

        CommandResult result = rig.result(commandId, NEVER_REGISTERS);
        assertThat(result.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(result.errorExcerpt()).contains("aws:runShellScript").contains("Windows");
    }

    @Test
    void aCommandLineWithACredentialFailsAndTheCredentialIsNeverEchoed() {
        RunCommandScript withKey = new RunCommandScript(ScriptDocument.SHELL, List.of(
                "./aws-replication-installer-init --region eu-central-1 --aws-access-key-id AKIAEXAMPLEKEY "
                        + "--aws-secret-access-key wJalrEXAMPLESECRET --no-prompt"));

        String commandId = rig.commands.send(INSTALLS, withKey, "install", TIMEOUT);
        rig.runFor(Duration.ofMinutes(5));

        CommandResult result = rig.result(commandId, INSTALLS);
        assertThat(result.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(result.errorExcerpt()).contains("credential").contains("--aws-access-key-id");
        assertThat(rig.ssm.listCommands(r -> r.commandId(commandId)).commands().getFirst().parameters().get("commands"))
                .singleElement().asString().doesNotContain("AKIAEXAMPLEKEY").doesNotContain("wJalrEXAMPLESECRET")
                .contains("--aws-access-key-id ****");
        assertThat(rig.simulator.invocations()).singleElement()
                .satisfies(invocation -> assertThat(invocation.commands().toString()).doesNotContain("AKIAEXAMPLEKEY"));
        assertThat(rig.mgnListsServerOf(INSTALLS)).isFalse();
    }

    @Test
    void aCommandForAnOfflineInstanceTimesOutWaitingForDelivery() {
        String commandId = rig.commands.send(OFFLINE, LINUX_INSTALLER, "install", TIMEOUT);

        rig.runFor(Duration.ofMinutes(59));
        CommandStatus beforeTimeout = rig.result(commandId, OFFLINE).status();
        rig.runFor(Duration.ofMinutes(2));

        assertThat(beforeTimeout).isEqualTo(CommandStatus.PENDING);
        assertThat(rig.result(commandId, OFFLINE).status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(rig.ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(OFFLINE)).statusDetails())
                .isEqualTo("DeliveryTimedOut");
    }

    @Test
    void anInstallerLongerThanItsExecutionTimeoutTimesOutWithoutRegistering() {
        String commandId = rig.commands.send(INSTALLS, LINUX_INSTALLER, "install", Duration.ofSeconds(60));

        rig.runFor(Duration.ofMinutes(5));

        assertThat(rig.result(commandId, INSTALLS).status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(rig.mgnListsServerOf(INSTALLS)).isFalse();
    }
}
