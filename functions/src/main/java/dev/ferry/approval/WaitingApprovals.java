package dev.ferry.approval;

import dev.ferry.metrics.WaveMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The cutover approvals waiting for a person right now, as the metric {@code ApprovalsWaiting}:
 * a gauge the reconciler takes on its schedule, so that a dashboard shows cutovers held up by
 * nobody deciding, and for how long.
 */
public final class WaitingApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingApprovals.class);

    private final ApprovalStore approvals;
    private final WaveMetrics metrics;
    private final Clock clock;

    public WaitingApprovals(ApprovalStore approvals, WaveMetrics metrics, Clock clock) {
        this.approvals = approvals;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts the approvals neither decided nor expired, emits the count and returns it. */
    public int measure() {
        int waiting = approvals.waitingForDecision(clock.instant());
        metrics.approvalsWaiting(waiting);
        LOG.info("{} cutover approvals wait for a decision", waiting);
        return waiting;
    }
}
