package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.cloud.route53.RecordSet;
import dev.ferry.local.cloud.route53.Route53Change;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.server.DnsSwitchProgress.StepKind;
import dev.ferry.server.DnsSwitchProgress.StepRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration test, a DNS switch that rolls back ({@code events/rehearsal/dns-rollback-*.json}): both servers are
 * cut over, then media.example.com moves to the target in steps of 25, 50 and 100 percent, five minutes apart. The
 * environment's {@code serviceFront} fails ten minutes after the cutover instances first serve, so the check after
 * the first step passes and the one after the second gets a 503: Ferry moves all traffic back to the source,
 * restores the record's original TTL, stops the wave before Finalize and tells people.
 */
class DnsRollbackRehearsalIntegrationTest {

    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String RECORD = "media.example.com.";
    private static final String SOURCE = "ferry-source";
    private static final String TARGET = "ferry-target";
    private static final long ORIGINAL_TTL = 3600;
    private static final long LOWERED_TTL = 60;

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("dns-rollback").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theExecutionFailsWithWaveStoppedNamingTheFailedHealthCheck() {
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.result().error()).isEqualTo("WaveStopped");
        assertThat(run.result().cause()).startsWith("the DNS switch failed its health check and sent all traffic back "
                + "to the source").containsPattern("http://127\\.\\d+\\.20\\.10:8080/health: status 503, expected 200");
        assertThat(run.result().report().status()).isEqualTo("STOPPED");
        assertThat(run.result().exitCode()).isEqualTo(1);
    }

    @Test
    void theCheckAfterTheFirstStepPassesAndTheOneAfterTheSecondRollsBack() {
        assertThat(run.result().report().dnsSteps())
                .extracting(StepRecord::kind, StepRecord::targetPercent)
                .containsExactly(tuple(StepKind.TTL_LOWERED, null), tuple(StepKind.WEIGHTS, 25),
                        tuple(StepKind.WEIGHTS, 50), tuple(StepKind.ROLLED_BACK, 0));
        assertThat(run.result().report().dnsSteps().get(2).detail()).contains("status 200");
        assertThat(run.result().report().dnsSteps().get(3).detail()).contains("status 503");
    }

    @Test
    void route53GetsTheLoweredTtlTwoWeightStepsAndThenTheSourceBackWithItsOriginalTtl() {
        List<Route53Change> changes = run.result().route53Changes();

        assertThat(changes).extracting(Route53Change::comment).containsExactly(
                "Ferry wave dns-rollback: lower the TTL to 60 s ahead of the switch",
                "Ferry wave dns-rollback: step 1 of 3, target 25%",
                "Ferry wave dns-rollback: step 2 of 3, target 50%",
                "Ferry wave dns-rollback: rolled back to the source");
        assertThat(changes).extracting(change -> change.weightOf(SOURCE), change -> change.weightOf(TARGET))
                .containsExactly(tuple(null, null), tuple(75L, 25L), tuple(50L, 50L), tuple(100L, 0L));
        assertThat(changes.subList(0, 3)).allSatisfy(change -> assertThat(change.recordSetsAfter())
                .extracting(RecordSet::ttl).containsOnly(LOWERED_TTL));
        assertThat(changes.getLast().recordSetsAfter()).extracting(RecordSet::ttl).containsOnly(ORIGINAL_TTL);
    }

    @Test
    void theRecordEndsWithAllTrafficOnTheSourceAndItsOriginalTtl() {
        List<RecordSet> record = run.result().recordSets().get(ZONE).stream()
                .filter(set -> set.name().equals(RECORD))
                .toList();

        // The target's 127.0.20.10 is in the run's own loopback block when another run holds 127.0.
        assertThat(record).extracting(RecordSet::setIdentifier, RecordSet::weight, RecordSet::ttl,
                        set -> set.values().stream().map(value -> value.replaceFirst("^127\\.\\d+\\.", "127.0.")).toList())
                .containsExactlyInAnyOrder(
                        tuple(SOURCE, 100L, ORIGINAL_TTL, List.of("198.51.100.7")),
                        tuple(TARGET, 0L, ORIGINAL_TTL, List.of("127.0.20.10")));
    }

    @Test
    void theCutoverInstancesStayAndNoServerIsFinalizedOrArchived() {
        assertThat(run.result().servers()).hasSize(2).allSatisfy(server -> {
            assertThat(server.outcome()).isEqualTo(ServerOutcome.LEFT_OUT);
            assertThat(server.stage()).isEqualTo(Stage.FINALIZE);
            assertThat(server.reason()).startsWith("left behind when the wave stopped: the DNS switch failed");
            assertThat(server.cutoverInstanceId()).startsWith("i-");
        });
        assertThat(run.calls("FinalizeCutover")).isEmpty();
        assertThat(run.calls("MarkAsArchived")).isEmpty();
        assertThat(run.calls("TerminateTargetInstances")).isEmpty();
    }

    @Test
    void peopleAreToldThatTheSwitchRolledBackAndThatTheSourceStillServes() {
        assertThat(run.result().outbox()).filteredOn(message ->
                        message.subject().equals("Ferry wave dns-rollback: DNS switch rolled back"))
                .singleElement()
                .satisfies(message -> assertThat(message.message())
                        .contains("status 503, expected 200")
                        .contains("source 100% / target 0% and restored their original TTL")
                        .contains("- media.example.com A in " + ZONE)
                        .contains("the source servers still run and serve the traffic"));
        assertThat(run.result().outbox()).anySatisfy(message ->
                assertThat(message.subject()).isEqualTo("Ferry wave dns-rollback: STOPPED"));
    }
}
