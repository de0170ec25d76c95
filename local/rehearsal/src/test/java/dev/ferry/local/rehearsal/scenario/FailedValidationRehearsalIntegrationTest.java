package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_WORKER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a test instance that fails its probes
 * ({@code events/rehearsal/failed-validation-*.json}): media-proxy's test instance launches, but
 * nothing answers on the TCP and HTTP ports the wave probes; validation allows five minutes.
 */
class FailedValidationRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("failed-validation").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theServerFailsInTestValidationWithTheProbesDetail() {
        ServerOutcome proxy = run.server(MEDIA_PROXY);

        assertThat(proxy.outcome()).isEqualTo(ServerOutcome.FAILED);
        assertThat(proxy.stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(proxy.reason()).startsWith("validation did not pass within 5 minutes: ")
                .contains(":2222: connection refused")
                .containsPattern("http GET http://127\\.\\d+\\.10\\.")
                .contains(":8080/: connection refused");
    }

    @Test
    void theFailedTestInstanceIsTerminatedAndTheServerPutBackToReadyForTest() {
        assertThat(run.server(MEDIA_PROXY).testInstanceId()).startsWith("i-");
        assertThat(run.result().serversCalledWith("TerminateTargetInstances")).containsExactly(MEDIA_PROXY);
        assertThat(run.serversMovedTo("READY_FOR_TEST")).containsExactly(MEDIA_PROXY);
    }

    @Test
    void theOtherServersPassTheirProbesAndAreCutOverWithoutIt() {
        assertThat(run.serversOtherThan(MEDIA_PROXY))
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.result().exitCode()).isEqualTo(1);
    }
}
