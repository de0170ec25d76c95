package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.waits.ScheduledTick;
import dev.ferry.waits.SweepReport;
import dev.ferry.waits.WaitReconciler;
import dev.ferry.waits.WaitSweep;

/**
 * ReconcilerFunction: on its schedule, evaluates every unreleased wait and sends again the
 * callbacks that were lost.
 */
public class ReconcilerHandler extends JsonStreamHandler<ScheduledTick, SweepReport> {

    private final WaitReconciler reconciler;

    public ReconcilerHandler() {
        this(Dependencies.fromEnvironment());
    }

    public ReconcilerHandler(Dependencies d) {
        this(new WaitReconciler(
                WaitSweep.over(d.waveStore(), d.waitStore(), d.mgn(), d.notifier(), d.taskCallbacks(), d.clock())));
    }

    ReconcilerHandler(WaitReconciler reconciler) {
        super(ScheduledTick.class);
        this.reconciler = reconciler;
    }

    @Override
    protected SweepReport handle(ScheduledTick tick, Context context) {
        return reconciler.reconcile(tick);
    }
}
