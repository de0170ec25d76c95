package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a rejected cutover ({@code events/rehearsal/approval-rejected-*.json}): two
 * servers pass their test, and the simulated approver presses Reject on the real approval page.
 */
class ApprovalRejectedRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("approval-rejected").rehearse(ApprovalMode.REJECT);
    }

    @Test
    void theWaveEndsNotApprovedAndTheRehearsalExitsWithOne() {
        assertThat(run.result().exitCode()).isEqualTo(1);
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.result().report().status()).isEqualTo("NOT_APPROVED");
        assertThat(run.result().report().reason()).startsWith("cutover not approved: rejected by ");
    }

    @Test
    void everyServerIsLeftOutAtTheApprovalBecauseTheCutoverWasNotApproved() {
        assertThat(run.result().servers()).hasSize(2).allSatisfy(server -> {
            assertThat(server.outcome()).isEqualTo(ServerOutcome.LEFT_OUT);
            assertThat(server.stage()).isEqualTo(Stage.APPROVAL);
            assertThat(server.reason()).contains("not approved").contains("rejected");
        });
    }

    @Test
    void everyServerGoesBackToReadyForTestWithItsTestInstanceTerminated() {
        assertThat(run.serversMovedTo("READY_FOR_TEST")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_PROXY);
        assertThat(run.result().serversCalledWith("TerminateTargetInstances"))
                .containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_PROXY);
    }

    @Test
    void nothingIsCutOverNorFinalized() {
        assertThat(run.calls("StartCutover")).isEmpty();
        assertThat(run.calls("FinalizeCutover")).isEmpty();
        assertThat(run.releasesOf("CUTOVER_LAUNCH")).isEmpty();
    }
}
