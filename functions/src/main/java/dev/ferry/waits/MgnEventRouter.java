package dev.ferry.waits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns an MGN event into a fresh look at the unreleased waits it can have moved. The event only
 * says when and where to look: what the waits decide comes from MGN's current state, so a
 * duplicate, late or reordered event changes nothing, and a lost one is made up for by the
 * reconciler's next run.
 */
public final class MgnEventRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MgnEventRouter.class);

    private final WaitSweep sweep;

    public MgnEventRouter(WaitSweep sweep) {
        this.sweep = sweep;
    }

    /** Evaluates the unreleased waits this event can have moved. */
    public SweepReport route(MgnEventHint hint) {
        MDC.put("sourceServerId", hint.sourceServerId());
        try {
            LOG.info("MGN event {} ({}{}) for {}: evaluating the waits it can have moved", hint.detailType(), hint.state(),
                    hint.jobId() != null ? ", job " + hint.jobId() : "", hint.sourceServerId());
            return sweep.sweepAfter(hint);
        } finally {
            MDC.remove("sourceServerId");
        }
    }
}
