package dev.ferry.approval;

import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Asks people to approve a wave's cutover: records an approval behind a random link and emails
 * the link with a summary of what the cutover will do. A retried task reuses the approval already
 * emailed and only points it at the new task token, so people get one email per wave. The wave
 * is in the logs' context already (the handler puts it there), so log lines do not repeat it.
 */
public class ApprovalRequestService {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalRequestService.class);

    private final WaveStore waves;
    private final ApprovalStore approvals;
    private final Notifier notifier;
    private final ApprovalService decisions;
    private final Clock clock;
    private final String approvalBaseUrl;

    /**
     * @param decisions       delivers a decision recorded while an earlier attempt's task was closed
     * @param approvalBaseUrl where the approval API is reached (the stack's {@code APPROVAL_BASE_URL}),
     *                        with or without a trailing slash
     */
    public ApprovalRequestService(WaveStore waves, ApprovalStore approvals, Notifier notifier,
                                  ApprovalService decisions, Clock clock, String approvalBaseUrl) {
        this.waves = waves;
        this.approvals = approvals;
        this.notifier = notifier;
        this.decisions = decisions;
        this.clock = clock;
        this.approvalBaseUrl = approvalBaseUrl.replaceAll("/+$", "");
    }

    /** Requests the approval of the wave's cutover for the waiting task. */
    public ApprovalRequested request(ApprovalRequest request) {
        WaveRecord wave = waves.require(request.waveId());
        List<ServerRecord> servers = waves.servers(wave.waveId());
        Instant now = clock.instant();
        moveActiveServersToApproval(servers, now);

        Instant expiresAt = now.plus(wave.definition().timeLimits().approval());
        Approval candidate = new Approval(ApprovalIds.newId(), wave.waveId(), wave.definition().waveName(),
                CutoverSummary.of(wave, servers, expiresAt), request.taskToken(), request.attempt(), now, expiresAt, null,
                false, false, wave.executionArn());
        Approval approval = approvals.createForWave(candidate);

        if (!approval.approvalId().equals(candidate.approvalId())
                && approvals.replaceTaskToken(approval.approvalId(), request.taskToken(), request.attempt())) {
            // A retried task: the wave keeps the approval it has; only the token it must end changed.
            // Someone may have decided while the earlier task was already closed: this task gets it.
            decisions.sendUndeliveredDecision(approval.approvalId());
        }
        if (approval.notified()) {
            LOG.info("Approval already requested and emailed; the retried task was bound to it, open until {}",
                    approval.expiresAt());
            return new ApprovalRequested(wave.waveId(), approval.expiresAt(), false);
        }

        // Sent before it is marked: a crash in between sends the link again rather than never.
        notifier.publish(email(approval));
        approvals.markNotified(approval.approvalId());
        LOG.info("Approval requested and emailed, open until {}", approval.expiresAt());
        return new ApprovalRequested(wave.waveId(), approval.expiresAt(), true);
    }

    private void moveActiveServersToApproval(List<ServerRecord> servers, Instant now) {
        List<ServerRecord> moved = servers.stream()
                .filter(server -> server.isActive() && server.stage() != Stage.APPROVAL)
                .map(server -> server.enteringStage(Stage.APPROVAL, now))
                .toList();
        if (!moved.isEmpty()) {
            waves.putServers(moved);
        }
    }

    private Notification email(Approval approval) {
        String link = approvalBaseUrl + "/approvals/" + approval.approvalId();
        String body = approval.summary()
                + "\nTo approve or reject this cutover, open:\n"
                + link + "\n\n"
                + "The link opens a confirmation page. Nothing is decided by opening it: the cutover is approved"
                + " or rejected only when someone enters their name on that page and presses Approve cutover"
                + " or Reject. The link is valid until " + DisplayTime.of(approval.expiresAt()) + ".\n"
                + "Anyone who has the link can decide, so do not forward this email outside the team.\n";
        return new Notification("Approve the cutover of wave " + approval.waveName() + "?", body);
    }
}
