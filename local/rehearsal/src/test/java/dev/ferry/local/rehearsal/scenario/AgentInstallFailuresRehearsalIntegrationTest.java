package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.cloud.ssm.InvocationRecord;
import dev.ferry.local.cloud.ssm.InvocationStatus;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.Counts;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ferry.local.rehearsal.scenario.Scenario.INSTALLER_FAILS;
import static dev.ferry.local.rehearsal.scenario.Scenario.INSTALLS;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static dev.ferry.local.rehearsal.scenario.Scenario.NEVER_REGISTERS;
import static dev.ferry.local.rehearsal.scenario.Scenario.NO_INSTANCE_PROFILE;
import static dev.ferry.local.rehearsal.scenario.Scenario.READY_FOR_INSTALLER;
import static dev.ferry.local.rehearsal.scenario.Scenario.SSM_CONNECTION_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration test, agent installations that fail under the CONTINUE policy
 * ({@code events/rehearsal/agent-install-failures-*.json}): five EC2 sources MGN does not know yet. The installer
 * succeeds on media-server; it exits 3 on media-transcoder; it succeeds on media-encoder, whose agent never
 * registers; media-proxy's SSM Agent has lost its connection; media-worker-1 has no instance profile and the wave
 * may not give it one. Only media-server moves.
 */
class AgentInstallFailuresRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("agent-install-failures").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theInstanceWhoseAgentRegisteredJoinsTheWaveAndIsTheOnlyServerLaunchedAndCutOver() {
        AgentInstallOutcome installed = run.agentInstall(INSTALLS);

        assertThat(installed.outcome()).isEqualTo(AgentInstallOutcome.REGISTERED);
        assertThat(installed.sourceServerId()).isEqualTo(MEDIA_SERVER);
        assertThat(run.result().servers()).extracting(ServerOutcome::server, ServerOutcome::outcome)
                .containsExactly(tuple(MEDIA_SERVER, ServerOutcome.CUT_OVER));
        assertThat(run.result().serversCalledWith("StartTest")).containsExactly(MEDIA_SERVER);
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactly(MEDIA_SERVER);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactly(MEDIA_SERVER);
    }

    @Test
    void aFailedInstallerIsReportedWithTheInstanceItsExitCodeAndTheEndOfItsError() {
        AgentInstallOutcome failed = run.agentInstall(INSTALLER_FAILS);

        assertThat(failed.outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(failed.commandId()).isEqualTo(onlyInvocationOn(INSTALLER_FAILS).commandId());
        assertThat(failed.reason()).contains(INSTALLER_FAILS).contains("exit code 3")
                .contains("curl: (28) Failed to connect to aws-application-migration-service-eu-central-1");
    }

    @Test
    void anAgentThatNeverRegistersFailsOnceTheRegistrationTimeoutHasPassedAfterItsInstallerSucceeded() {
        AgentInstallOutcome failed = run.agentInstall(NEVER_REGISTERS);

        assertThat(onlyInvocationOn(NEVER_REGISTERS).status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(failed.outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(failed.reason()).startsWith("the agent never registered with MGN in eu-central-1 within 5 minutes")
                .contains(NEVER_REGISTERS);
        assertThat(failed.minutes()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anInstanceSsmHasLostFailsBeforeAnyCommandIsSentToIt() {
        AgentInstallOutcome failed = run.agentInstall(SSM_CONNECTION_LOST);

        assertThat(failed.outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(failed.reason()).startsWith(SSM_CONNECTION_LOST + " is not managed by SSM");
        assertThat(failed.commandId()).isNull();
        assertThat(run.result().ssmInvocationsOn(SSM_CONNECTION_LOST)).isEmpty();
    }

    @Test
    void anInstanceWithoutInstanceProfileIsBlockedWhenTheWaveMayNotGiveItOne() {
        AgentInstallOutcome failed = run.agentInstall(NO_INSTANCE_PROFILE);

        assertThat(failed.outcome()).isEqualTo(AgentInstallOutcome.FAILED);
        assertThat(failed.reason()).isEqualTo(NO_INSTANCE_PROFILE + " has no instance profile");
        assertThat(failed.fixesApplied()).isEmpty();
        assertThat(run.result().ssmInvocationsOn(NO_INSTANCE_PROFILE)).isEmpty();
    }

    @Test
    void theInstallerIsSentOnceToEachInstanceFoundReadyWithoutAnyCredential() {
        assertThat(run.result().ssmInvocations()).extracting(InvocationRecord::instanceId)
                .containsExactlyInAnyOrderElementsOf(READY_FOR_INSTALLER);
        assertThat(run.result().ssmInvocations()).allSatisfy(invocation -> {
            assertThat(invocation.documentName()).isEqualTo("AWS-RunShellScript");
            assertThat(String.join("\n", invocation.commands())).contains("--region eu-central-1")
                    .doesNotContain("--aws-access-key-id", "--aws-session-token", "****");
        });
    }

    @Test
    void oneEmailListsEveryFailedInstallationWithItsReason() {
        List<OutboxMessage> emails = run.result().outbox().stream()
                .filter(message -> message.subject().equals(
                        "Ferry wave agent-install-failures: the replication agent could not be installed on 4 servers"))
                .toList();

        assertThat(emails).hasSize(1);
        OutboxMessage email = emails.getFirst();
        for (String instance : List.of(INSTALLER_FAILS, NEVER_REGISTERS, SSM_CONNECTION_LOST, NO_INSTANCE_PROFILE)) {
            AgentInstallOutcome failed = run.agentInstall(instance);
            assertThat(email.message()).contains(failed.name()).contains(instance).contains(failed.reason());
        }
        assertThat(email.message()).doesNotContain(INSTALLS)
                .contains("The wave goes on with the 1 server still active.");
    }

    @Test
    void theWaveCompletesCountingEachFailedInstallationAsAFailedServerAndExitsWithOne() {
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.result().report().status()).isEqualTo("COMPLETED");
        assertThat(run.result().report().counts()).isEqualTo(new Counts(5, 1, 4, 0));
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    private static InvocationRecord onlyInvocationOn(String instanceId) {
        List<InvocationRecord> invocations = run.result().ssmInvocationsOn(instanceId);
        assertThat(invocations).hasSize(1);
        return invocations.getFirst();
    }
}
