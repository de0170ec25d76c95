package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_WORKER;
import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a failed test launch ({@code events/rehearsal/test-launch-fails-*.json}): MGN's
 * LAUNCH job reports media-proxy FAILED; the wave's policy is CONTINUE.
 */
class TestLaunchFailureRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("test-launch-fails").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theServerFailsInTheTestLaunchNamingMgnsJob() {
        ServerOutcome proxy = run.server(MEDIA_PROXY);

        assertThat(proxy.outcome()).isEqualTo(ServerOutcome.FAILED);
        assertThat(proxy.stage()).isEqualTo(Stage.TEST_LAUNCH);
        assertThat(proxy.reason()).startsWith("test launch failed in MGN job mgnjob-");
        assertThat(proxy.testInstanceId()).isNull();
    }

    @Test
    void theFailedServerIsPutBackToReadyForTest() {
        assertThat(run.serversMovedTo("READY_FOR_TEST")).containsExactly(MEDIA_PROXY);
        assertThat(run.serversMovedTo("READY_FOR_CUTOVER")).doesNotContain(MEDIA_PROXY);
    }

    @Test
    void theOtherServersAreCutOverWithoutIt() {
        assertThat(run.result().serversCalledWith("StartTest")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.serversOtherThan(MEDIA_PROXY))
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void peopleAreToldThatTheServerFailedTheTest() {
        assertThat(run.result().outbox())
                .filteredOn(message -> message.subject().equals("Ferry wave test-launch-fails: 1 server failed the test"))
                .singleElement()
                .satisfies(message -> assertThat(message.message()).contains("media-proxy"));
    }
}
