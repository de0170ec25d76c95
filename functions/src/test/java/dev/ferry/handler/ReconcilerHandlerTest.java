package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.approval.Approval;
import dev.ferry.approval.InMemoryApprovalStore;
import dev.ferry.approval.WaitingApprovals;
import dev.ferry.json.Json;
import dev.ferry.metrics.EmfLines;
import dev.ferry.metrics.MetricNames;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.waits.EventFiles;
import dev.ferry.waits.SweepReport;
import dev.ferry.waits.Wait;
import dev.ferry.waits.WaitKind;
import dev.ferry.waits.WaitReconciler;
import dev.ferry.waits.WaitsHarness;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerHandlerTest {

    private final WaitsHarness harness = new WaitsHarness();
    private final InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    private final ReconcilerHandler handler = new ReconcilerHandler(new WaitReconciler(harness.sweep),
            new WaitingApprovals(approvals, harness.metrics, harness.clock));

    private SweepReport reconcile() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(EventFiles.open("scheduled-reconcile.json"), output, null);
        return Json.mapper().readValue(output.toByteArray(), SweepReport.class);
    }

    @Test
    void theScheduleReleasesAWaitWhoseConditionHeldWithoutAnyEvent() throws IOException {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);

        harness.mgn.readyForTest(ids.get(0));
        harness.clock.advance(Duration.ofMinutes(5));
        SweepReport report = reconcile();

        assertThat(report).isEqualTo(new SweepReport(1, 1, 0, 0, 0, 0, 0));
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    @Test
    void theScheduleSendsAgainTheCallbackOfAWaitClaimedLongAgo() throws IOException {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);
        harness.waits.claim(Wait.idOf(WaitsHarness.WAVE_ID, WaitKind.REPLICATION), WaitsHarness.TOKEN,
                harness.clock.instant());

        harness.clock.advance(Duration.ofMinutes(5));
        SweepReport report = reconcile();

        assertThat(report.resent()).isEqualTo(1);
        assertThat(harness.callbacksSent()).isEqualTo(1);
        assertThat(harness.wait(WaitKind.REPLICATION).status()).isEqualTo(Wait.Status.RELEASED);
    }

    @Test
    void eachRunCountsTheApprovalsWaitingForADecisionAsAMetric() throws IOException {
        approvals.seed(approval("approval-1", "wave-1", harness.clock.instant().plus(Duration.ofHours(24))));
        approvals.seed(approval("approval-2", "wave-2", harness.clock.instant().plus(Duration.ofHours(2))));
        approvals.seed(approval("approval-3", "wave-3", harness.clock.instant().minusSeconds(1)));

        List<JsonNode> lines = EmfLines.during(() -> {
            try {
                reconcile();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(lines).filteredOn(line -> line.has(MetricNames.APPROVALS_WAITING))
                .singleElement().satisfies(line -> assertThat(line.path(MetricNames.APPROVALS_WAITING).asInt())
                        .isEqualTo(2));
    }

    @Test
    void theScheduleWithNothingOpenReportsNothing() throws IOException {
        SweepReport report = reconcile();

        assertThat(report).isEqualTo(new SweepReport(0, 0, 0, 0, 0, 0, 0));
    }

    private static Approval approval(String approvalId, String waveId, Instant expiresAt) {
        return new Approval(approvalId, waveId, "Media servers", "2 servers ready for cutover", "token-" + approvalId,
                new TaskAttempt(expiresAt.minus(Duration.ofDays(2)), 0), expiresAt.minus(Duration.ofDays(2)),
                expiresAt, null, false, false);
    }
}
