package dev.ferry.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ferry.config.Dependencies;
import dev.ferry.waits.MgnEventEnvelope;
import dev.ferry.waits.MgnEventRouter;
import dev.ferry.waits.SweepReport;
import dev.ferry.waits.WaitSweep;

/**
 * EventRouterFunction: the target of the EventBridge rule on {@code aws.mgn}. Validates the event
 * (an invalid one throws {@link dev.ferry.waits.InvalidMgnEventException}, so EventBridge retries
 * and then dead-letters it) and evaluates the unreleased waits.
 */
public class EventRouterHandler extends JsonStreamHandler<MgnEventEnvelope, SweepReport> {

    private final MgnEventRouter router;

    public EventRouterHandler() {
        this(Dependencies.fromEnvironment());
    }

    public EventRouterHandler(Dependencies d) {
        this(new MgnEventRouter(
                WaitSweep.over(d.waveStore(), d.waitStore(), d.mgn(), d.notifier(), d.taskCallbacks(), d.waveMetrics(),
                        d.clock())));
    }

    EventRouterHandler(MgnEventRouter router) {
        super(MgnEventEnvelope.class);
        this.router = router;
    }

    @Override
    protected SweepReport handle(MgnEventEnvelope event, Context context) {
        return router.route(event.toHint());
    }
}
