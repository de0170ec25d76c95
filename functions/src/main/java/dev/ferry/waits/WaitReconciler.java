package dev.ferry.waits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled safety net: evaluates every unreleased wait, so that a lost MGN event (delivery is
 * best effort, and most MGN changes send none) costs at most one schedule period, and sends again
 * the callbacks of waits claimed long ago whose sending was interrupted.
 */
public final class WaitReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(WaitReconciler.class);

    private final WaitSweep sweep;

    public WaitReconciler(WaitSweep sweep) {
        this.sweep = sweep;
    }

    /** Runs one reconciliation for the schedule's tick. */
    public SweepReport reconcile(ScheduledTick tick) {
        LOG.info("Reconciling unreleased waits for the schedule of {}", tick.time());
        return sweep.sweepAll();
    }
}
