package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_SERVER;
import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_WORKER;
import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a failed cutover launch ({@code events/rehearsal/cutover-launch-fails-*.json}):
 * media-proxy passes its test and is approved, then MGN's cutover job reports it FAILED.
 */
class CutoverLaunchFailureRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("cutover-launch-fails").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theServerFailsInTheCutoverLaunchNamingMgnsJob() {
        ServerOutcome proxy = run.server(MEDIA_PROXY);

        assertThat(proxy.outcome()).isEqualTo(ServerOutcome.FAILED);
        assertThat(proxy.stage()).isEqualTo(Stage.CUTOVER_LAUNCH);
        assertThat(proxy.reason()).startsWith("cutover launch failed in MGN job mgnjob-");
        assertThat(proxy.cutoverInstanceId()).isNull();
    }

    @Test
    void theFailedServerIsPutBackToReadyForCutoverAfterItsCutoverWasStarted() {
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        Instant cutoverStarted = run.result().successfulCalls("StartCutover").getFirst().time();

        assertThat(run.serversMovedTo("READY_FOR_CUTOVER", cutoverStarted)).containsExactly(MEDIA_PROXY);
        assertThat(run.serversMovedTo("READY_FOR_TEST")).isEmpty();
    }

    @Test
    void onlyTheServersWhoseCutoverSucceededAreFinalized() {
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.serversOtherThan(MEDIA_PROXY))
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void peopleAreToldThatTheServerFailedTheCutover() {
        assertThat(run.result().outbox()).anySatisfy(message ->
                assertThat(message.subject()).isEqualTo("Ferry wave cutover-launch-fails: 1 server failed the cutover"));
    }
}
