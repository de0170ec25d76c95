package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, an approval nobody gives ({@code events/rehearsal/approval-timeout-*.json}):
 * the approval link is printed ({@code --approve link}) but nobody opens it, time runs as fast as
 * possible, and the wave allows one hour for the approval.
 */
class ApprovalTimeoutRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("approval-timeout")
                .rehearse(options -> options.approval(ApprovalMode.LINK).speed(Double.POSITIVE_INFINITY));
    }

    @Test
    void theApprovalLinkIsOfferedToAPerson() {
        assertThat(run.result().notes()).anySatisfy(note -> assertThat(note).startsWith("open http://127.0.0.1:")
                .contains("/approvals/").contains("in a browser to approve or reject the cutover"));
    }

    @Test
    void theWaveEndsNotApprovedWithTheTimeOutAsReasonAndTheRehearsalExitsWithOne() {
        assertThat(run.result().exitCode()).isEqualTo(1);
        assertThat(run.result().report().status()).isEqualTo("NOT_APPROVED");
        assertThat(run.result().report().reason()).isEqualTo("cutover not approved: approval timed out after 1 hour");
    }

    @Test
    void everyServerIsLeftOutAtTheApprovalAfterTheWholeApprovalHour() {
        assertThat(run.result().servers()).hasSize(2).allSatisfy(server -> {
            assertThat(server.outcome()).isEqualTo(ServerOutcome.LEFT_OUT);
            assertThat(server.stage()).isEqualTo(Stage.APPROVAL);
            assertThat(server.reason()).contains("not approved").contains("timed out");
            assertThat(server.minutesPerStage().get(Stage.APPROVAL)).isEqualTo(60);
        });
    }

    @Test
    void everyServerGoesBackToReadyForTestAndNothingIsCutOver() {
        assertThat(run.serversMovedTo("READY_FOR_TEST")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_PROXY);
        assertThat(run.result().serversCalledWith("TerminateTargetInstances"))
                .containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_PROXY);
        assertThat(run.calls("StartCutover")).isEmpty();
    }
}
