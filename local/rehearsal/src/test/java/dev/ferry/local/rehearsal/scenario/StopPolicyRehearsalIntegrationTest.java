package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a failure under the STOP policy ({@code events/rehearsal/stop-on-failure-*.json}):
 * media-proxy's test launch fails, and the wave's policy is to stop at the first failure.
 */
class StopPolicyRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("stop-on-failure").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theExecutionFailsWithWaveStoppedNamingTheFailedServer() {
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.result().error()).isEqualTo("WaveStopped");
        assertThat(run.result().cause()).contains("1 server failed the test (media-proxy)");
        assertThat(run.result().report().status()).isEqualTo("STOPPED");
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void theFailedServerFailedInTheTestLaunchAndWasPutBackToReadyForTest() {
        ServerOutcome proxy = run.server(MEDIA_PROXY);

        assertThat(proxy.outcome()).isEqualTo(ServerOutcome.FAILED);
        assertThat(proxy.stage()).isEqualTo(Stage.TEST_LAUNCH);
        assertThat(run.serversMovedTo("READY_FOR_TEST")).containsExactly(MEDIA_PROXY);
    }

    @Test
    void theOtherServersAreLeftOutWhereTheWaveStopped() {
        assertThat(run.serversOtherThan(MEDIA_PROXY)).hasSize(2).allSatisfy(server -> {
            assertThat(server.outcome()).isEqualTo(ServerOutcome.LEFT_OUT);
            assertThat(server.reason()).startsWith("left behind when the wave stopped: ");
        });
    }

    @Test
    void noServerIsApprovedMarkedReadyOrCutOver() {
        assertThat(run.result().outbox()).noneSatisfy(message ->
                assertThat(message.subject()).startsWith("Approve the cutover"));
        assertThat(run.serversMovedTo("READY_FOR_CUTOVER")).isEmpty();
        assertThat(run.calls("StartCutover")).isEmpty();
        assertThat(run.calls("FinalizeCutover")).isEmpty();
    }
}
