package dev.ferry.waits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns an MGN event into a fresh look at every unreleased wait. The event only says when to
 * look: what the waits decide comes from MGN's current state, so a duplicate, late or reordered
 * event changes nothing.
 */
public final class MgnEventRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MgnEventRouter.class);

    private final WaitSweep sweep;

    public MgnEventRouter(WaitSweep sweep) {
        this.sweep = sweep;
    }

    /** Evaluates the unreleased waits because of this event. */
    public SweepReport route(MgnEventHint hint) {
        MDC.put("sourceServerId", hint.sourceServerId());
        try {
            LOG.info("MGN event {} ({}{}) for {}: evaluating unreleased waits", hint.detailType(), hint.state(),
                    hint.jobId() != null ? ", job " + hint.jobId() : "", hint.sourceServerId());
            return sweep.sweepAll();
        } finally {
            MDC.remove("sourceServerId");
        }
    }
}
