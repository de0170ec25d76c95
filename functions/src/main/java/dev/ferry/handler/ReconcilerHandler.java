package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.approval.WaitingApprovals;
import dev.ferry.config.Dependencies;
import dev.ferry.waits.ScheduledTick;
import dev.ferry.waits.SweepReport;
import dev.ferry.waits.WaitReconciler;
import dev.ferry.waits.WaitSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReconcilerFunction: on its schedule, evaluates every unreleased wait and sends again the
 * callbacks that were lost; then counts the approvals waiting for a person (a metric).
 */
public class ReconcilerHandler extends JsonStreamHandler<ScheduledTick, SweepReport> {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerHandler.class);

    private final WaitReconciler reconciler;
    private final WaitingApprovals waitingApprovals;

    public ReconcilerHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ReconcilerHandler(Dependencies d) {
        this(new WaitReconciler(
                WaitSweep.over(d.waveStore(), d.waitStore(), d.mgn(), d.notifier(), d.taskCallbacks(), d.waveMetrics(),
                        d.clock())),
                new WaitingApprovals(d.approvalStore(), d.waveMetrics(), d.clock()));
    }

    ReconcilerHandler(WaitReconciler reconciler, WaitingApprovals waitingApprovals) {
        super(ScheduledTick.class);
        this.reconciler = reconciler;
        this.waitingApprovals = waitingApprovals;
    }

    /**
     * The waits first: they move waves. A failed count of the approvals is logged, not thrown, so
     * that it never turns a reconciliation that worked into a Lambda error.
     */
    @Override
    protected SweepReport handle(ScheduledTick tick, Context context) {
        SweepReport report = reconciler.reconcile(tick);
        try {
            waitingApprovals.measure();
        } catch (RuntimeException e) {
            LOG.warn("The approvals waiting for a decision were not counted on this run", e);
        }
        return report;
    }
}
