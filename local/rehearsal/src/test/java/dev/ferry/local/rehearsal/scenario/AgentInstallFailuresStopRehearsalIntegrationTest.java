package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.Counts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ferry.local.rehearsal.scenario.Scenario.NO_INSTANCE_PROFILE;
import static dev.ferry.local.rehearsal.scenario.Scenario.READY_FOR_INSTALLER;
import static dev.ferry.local.rehearsal.scenario.Scenario.SSM_CONNECTION_LOST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the agent installations of {@link AgentInstallFailuresRehearsalIntegrationTest} under the STOP
 * policy ({@code events/rehearsal/agent-install-failures-stop-*.json}, the same instances): every instance is
 * checked before any installer is sent, so the two that cannot take the agent (SSM connection lost, no instance
 * profile) fail first, the three found ready are left out without a command, and the wave stops after the
 * installation stage without launching anything.
 */
class AgentInstallFailuresStopRehearsalIntegrationTest {

    private static final String WHY_STOPPED = "The agent installation on media-proxy (" + SSM_CONNECTION_LOST
            + ") failed and the wave stops on a server failure: " + SSM_CONNECTION_LOST + " is not managed by SSM";

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("agent-install-failures-stop").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theExecutionFailsWithWaveStoppedAndTheReportSaysWhichInstallationStoppedIt() {
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.result().error()).isEqualTo("WaveStopped");
        assertThat(run.result().cause()).startsWith(WHY_STOPPED);
        assertThat(run.result().report().status()).isEqualTo("STOPPED");
        assertThat(run.result().report().reason()).startsWith(WHY_STOPPED);
        assertThat(run.result().report().counts()).isEqualTo(new Counts(5, 0, 2, 3));
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void theInstancesThatCannotTakeTheAgentFailForTheSameReasonsAsUnderContinue() {
        assertThat(run.agentInstall(SSM_CONNECTION_LOST).outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(run.agentInstall(SSM_CONNECTION_LOST).reason()).startsWith(SSM_CONNECTION_LOST + " is not managed by SSM");
        assertThat(run.agentInstall(NO_INSTANCE_PROFILE).outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(run.agentInstall(NO_INSTANCE_PROFILE).reason()).isEqualTo(NO_INSTANCE_PROFILE + " has no instance profile");
    }

    @Test
    void theInstancesFoundReadyAreLeftOutWithoutAnyCommandBeingSent() {
        assertThat(READY_FOR_INSTALLER).allSatisfy(instance -> {
            AgentInstallOutcome install = run.agentInstall(instance);
            assertThat(install.outcome()).isEqualTo(AgentInstallOutcome.LEFT_OUT);
            assertThat(install.commandId()).isNull();
            assertThat(install.reason()).isEqualTo("not installed: the wave stops because the agent installation on "
                    + "media-proxy (" + SSM_CONNECTION_LOST + ") failed");
        });
        assertThat(run.result().ssmInvocations()).isEmpty();
    }

    @Test
    void noServerJoinsTheWaveAndNothingIsLaunched() {
        assertThat(run.result().servers()).isEmpty();
        assertThat(run.calls("StartTest")).isEmpty();
        assertThat(run.calls("StartCutover")).isEmpty();
        assertThat(run.result().outbox()).noneSatisfy(message ->
                assertThat(message.subject()).startsWith("Approve the cutover"));
    }

    @Test
    void oneEmailListsBothFailedInstallationsAndSaysTheWaveStops() {
        List<OutboxMessage> emails = run.result().outbox().stream()
                .filter(message -> message.subject().equals("Ferry wave agent-install-failures-stop: the replication "
                        + "agent could not be installed on 2 servers"))
                .toList();

        assertThat(emails).hasSize(1);
        assertThat(emails.getFirst().message())
                .contains(SSM_CONNECTION_LOST, run.agentInstall(SSM_CONNECTION_LOST).reason())
                .contains(NO_INSTANCE_PROFILE, run.agentInstall(NO_INSTANCE_PROFILE).reason())
                .contains("The wave stops: its policy is to stop when a server fails.");
    }
}
