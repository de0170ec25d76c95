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
 * Integration test, a stall past the wave's replication limit
 * ({@code events/rehearsal/stall-past-limit-*.json}): media-proxy's initial sync stalls for good
 * (MGN's retry does not help) and the wave allows one hour; its policy is CONTINUE.
 */
class StallPastTimeLimitRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("stall-past-limit").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theStalledServerIsLeftOutWithAReasonNamingItsReplicationState() {
        ServerOutcome proxy = run.server(MEDIA_PROXY);

        assertThat(proxy.outcome()).isEqualTo(ServerOutcome.LEFT_OUT);
        assertThat(proxy.stage()).isEqualTo(Stage.REPLICATION);
        assertThat(proxy.reason()).contains("not ready for testing within 1 hour")
                .contains("lifecycle NOT_READY")
                .contains("replication STALLED (AGENT_NOT_SEEN)");
        assertThat(proxy.testInstanceId()).isNull();
    }

    @Test
    void theOtherServersAreCutOverAndTheRehearsalExitsWithOne() {
        assertThat(run.serversOtherThan(MEDIA_PROXY))
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(run.result().report().status()).isEqualTo("COMPLETED");
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void theLeftOutServerIsNeverLaunchedNorFinalized() {
        assertThat(run.result().serversCalledWith("StartTest")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrder(MEDIA_SERVER, MEDIA_WORKER);
    }

    @Test
    void replicationIsRetriedOnceBeforeTheServerIsGivenUp() {
        assertThat(run.result().serversCalledWith("RetryDataReplication")).containsExactly(MEDIA_PROXY);
    }

    @Test
    void peopleAreToldWhichServerWasLeftOutAndWhy() {
        assertThat(run.result().outbox())
                .filteredOn(message -> message.subject().equals(
                        "Ferry wave stall-past-limit: 1 server left out, not ready for testing in time"))
                .singleElement()
                .satisfies(message -> assertThat(message.message()).contains("media-proxy (" + MEDIA_PROXY + ")")
                        .contains("replication STALLED"));
    }
}
