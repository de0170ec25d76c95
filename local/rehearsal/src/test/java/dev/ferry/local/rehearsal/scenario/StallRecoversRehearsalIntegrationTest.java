package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.ferry.local.rehearsal.scenario.Scenario.MEDIA_PROXY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a replication stall that recovers by itself
 * ({@code events/rehearsal/stall-recovers-*.json}): media-proxy's initial sync stalls at 40 % and
 * recovers 90 minutes later, whatever Ferry does; the wave tells people after 30 minutes and asks
 * MGN to retry after 60.
 */
class StallRecoversRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("stall-recovers").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theStalledServerIsCutOverWithTheOthersOnceItsReplicationRecovers() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().servers()).hasSize(3)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        assertThat(run.result().serversCalledWith("FinalizeCutover")).contains(MEDIA_PROXY);
    }

    @Test
    void theWaveWaitsForTheRecoveryBeforeTheTestLaunch() {
        assertThat(run.server(MEDIA_PROXY).minutesPerStage().get(Stage.REPLICATION)).isGreaterThanOrEqualTo(90);
        assertThat(run.result().successfulCalls("StartTest")).singleElement()
                .satisfies(call -> assertThat(call.time()).isAfter(Scenario.START.plus(Duration.ofMinutes(90))));
    }

    @Test
    void peopleAreToldOnceThatReplicationStalledNamingTheServerAndMgnsError() {
        assertThat(run.result().outbox()).filteredOn(message -> message.subject().contains("replication stalled"))
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.subject()).isEqualTo("Ferry wave stall-recovers: replication stalled on 1 server");
                    assertThat(message.message()).contains("media-proxy (" + MEDIA_PROXY + ")").contains("AGENT_NOT_SEEN");
                });
    }

    @Test
    void replicationIsRetriedExactlyOnceAndOnlyForTheStalledServer() {
        assertThat(run.calls("RetryDataReplication")).hasSize(1);
        assertThat(run.result().serversCalledWith("RetryDataReplication")).containsExactly(MEDIA_PROXY);
    }

    @Test
    void noOtherEmailThanTheStallNoticeTheApprovalAndTheReportIsSent() {
        assertThat(run.result().outbox()).extracting(OutboxMessage::subject).containsExactly(
                "Ferry wave stall-recovers: replication stalled on 1 server",
                "Approve the cutover of wave stall-recovers?",
                "Ferry wave stall-recovers: COMPLETED");
    }
}
