package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.server.DnsSwitchProgress.StepKind;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.WaveReport;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled demo rehearsed end to end in this JVM, as {@code bin/ferry rehearse} runs it: the
 * project's state machine in the local engine, the deployed handlers, DynamoDB Local, the simulated
 * MGN and EC2, the SNS outbox and a simulated person on the real approval pages.
 */
class DemoRehearsalIntegrationTest {

    private static final List<String> DEMO_SERVERS = List.of("s-13a5b49c3810fa449", "s-2b7d1c3e9a10f8e6a",
            "s-4c55e9f7e2b7d1c3e", "s-9f0a1b2c3d4e5f607", "s-5e6f708192a3b4c5d", "s-6f708192a3b4c5d6e");

    @TempDir
    Path runFolder;

    private final ByteArrayOutputStream display = new ByteArrayOutputStream();

    @Test
    void anApprovedDemoCutsOverEveryServer() throws Exception {
        RehearsalResult result = rehearse(ApprovalMode.AUTO);

        assertThat(result.exitCode()).isZero();
        assertThat(result.servers()).hasSize(DEMO_SERVERS.size())
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(WaveReport.ServerOutcome.CUT_OVER));
        assertThat(result.report().status()).isEqualTo("COMPLETED");
        assertThat(result.serversCalledWith("StartTest")).containsAll(DEMO_SERVERS);
        assertThat(result.serversCalledWith("StartCutover")).containsAll(DEMO_SERVERS);
        assertThat(result.serversCalledWith("FinalizeCutover")).containsAll(DEMO_SERVERS);
        assertThat(result.outbox()).extracting(OutboxMessage::subject)
                .anySatisfy(subject -> assertThat(subject).startsWith("Approve the cutover of wave media-stack-demo"))
                .anySatisfy(subject -> assertThat(subject).contains("media-stack-demo").contains("COMPLETED"));
        assertThat(result.stateTransitions()).isPositive();
        assertThat(result.historyEvents()).isPositive();
        assertThat(result.simulatedDuration()).isPositive();
        // One email each, and beside it what a chat channel would have got.
        assertThat(Files.list(runFolder.resolve("outbox")).filter(file -> file.toString().endsWith(".txt")))
                .hasSize(result.outbox().size());
        assertThat(Files.list(runFolder.resolve("outbox")).filter(file -> file.toString().endsWith(".chat.json")))
                .hasSize(result.outbox().size());
        assertThat(runFolder.resolve("rehearsal.log")).content().contains("\"function_name\":\"PreflightFunction\"");
        assertThat(shown()).contains("email: Approve the cutover of wave media-stack-demo?")
                .contains("CUTOVER_LAUNCH")
                .contains("6 of 6 servers cut over")
                .doesNotContain("\"level\":\"INFO\"");
    }

    @Test
    void theDemoTakesItsSourcesFromInstanceIdsThroughAgentInstallationNetworkAndADnsSwitch() {
        RehearsalResult result = rehearse(ApprovalMode.AUTO);
        WaveReport report = result.report();

        assertThat(report.agentInstalls()).hasSize(DEMO_SERVERS.size()).allSatisfy(install -> {
            assertThat(install.outcome()).isEqualTo(WaveReport.AgentInstallOutcome.REGISTERED);
            assertThat(install.commandId()).isNotBlank();
            assertThat(install.fixesApplied()).isNotEmpty();
        });
        assertThat(report.agentInstalls()).extracting(WaveReport.AgentInstallOutcome::sourceServerId)
                .containsExactlyInAnyOrderElementsOf(DEMO_SERVERS);
        assertThat(report.network().keyName()).isEqualTo("media-eu-central-1");
        assertThat(report.network().keyPairImported()).isTrue();
        assertThat(report.network().groupsCreated()).hasSize(3);
        assertThat(report.servers()).allSatisfy(server -> assertThat(server.launchTemplate()).matches("lt-\\w+ v\\d+"));
        assertThat(report.dnsSteps()).extracting(DnsSwitchProgress.StepRecord::kind).containsExactly(
                StepKind.TTL_LOWERED, StepKind.WEIGHTS, StepKind.WEIGHTS, StepKind.TTL_RESTORED);
        assertThat(report.dnsSteps()).extracting(DnsSwitchProgress.StepRecord::targetPercent)
                .containsExactly(null, 25, 100, 100);
        assertThat(result.outbox()).last().satisfies(email -> assertThat(email.message())
                .contains("Agent installation").contains("REGISTERED")
                .contains("key pair media-eu-central-1 (imported")
                .contains("target 25% / source 75%").contains("TTL restored"));
    }

    @Test
    void aRejectedDemoEndsWithoutCutoverAndExitCodeOne() {
        RehearsalResult result = rehearse(ApprovalMode.REJECT);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.report().status()).isEqualTo("NOT_APPROVED");
        assertThat(result.successfulCalls("StartCutover")).isEmpty();
        assertThat(result.serversCalledWith("StartTest")).containsAll(DEMO_SERVERS);
        assertThat(result.servers()).noneSatisfy(server ->
                assertThat(server.outcome()).isEqualTo(WaveReport.ServerOutcome.CUT_OVER));
        assertThat(shown()).contains("rehearsal rejected the cutover");
    }

    private RehearsalResult rehearse(ApprovalMode approval) {
        return Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .approval(approval)
                .runFolder(runFolder)
                .display(new PrintStream(display, true, StandardCharsets.UTF_8))
                .start(Instant.parse("2026-03-02T10:00:00Z"))
                .build());
    }

    private String shown() {
        return display.toString(StandardCharsets.UTF_8);
    }
}
