package dev.ferry.waits;

import dev.ferry.metrics.WaveMetrics;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.notify.Notifier;
import dev.ferry.server.WaveStore;
import dev.ferry.sfn.TaskCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates waits and releases those whose condition holds; what the event router, the reconciler
 * and a freshly opened wait all use. Each wait is evaluated under its lease, so two evaluators
 * never work on it at once, and one wait's failure never keeps the others from being evaluated.
 */
public final class WaitSweep {

    private static final Logger LOG = LoggerFactory.getLogger(WaitSweep.class);

    /**
     * Longer than the longest-running evaluator may run (the reconciler's 5-minute function timeout),
     * so that a slow evaluator's stale view can never overlap another's; a crashed evaluator's lease
     * delays the next look by at most this.
     */
    static final Duration LEASE = Duration.ofMinutes(6);
    /** A claimed wait whose callback has not been recorded as sent after this long is sent again. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(3);

    private final WaitStore waits;
    private final WaitEvaluator evaluator;
    private final WaitReleaser releaser;
    private final Clock clock;

    public WaitSweep(WaitStore waits, WaitEvaluator evaluator, WaitReleaser releaser, Clock clock) {
        this.waits = waits;
        this.evaluator = evaluator;
        this.releaser = releaser;
        this.clock = clock;
    }

    /** A sweep over these ports, with its evaluator (which reports the replication lags it reads) and releaser. */
    public static WaitSweep over(WaveStore waves, WaitStore waits, MgnGateway mgn, Notifier notifier,
                                 TaskCallbacks callbacks, WaveMetrics metrics, Clock clock) {
        return new WaitSweep(waits, new WaitEvaluator(waves, mgn, notifier, metrics, clock),
                new WaitReleaser(waits, callbacks, clock), clock);
    }

    /** Evaluates every unreleased wait once and says what became of them. */
    public SweepReport sweepAll() {
        return sweep(waits.unreleased(), null);
    }

    /**
     * Evaluates the unreleased waits this MGN event can have moved, each only as far as the event
     * calls for (see {@link WaitEvaluator#evaluateAfter}); the others are counted as unaffected.
     * What is decided still comes from MGN's current state, never from the event.
     */
    public SweepReport sweepAfter(MgnEventHint hint) {
        return sweep(waits.unreleased(), hint);
    }

    private SweepReport sweep(List<Wait> unreleased, MgnEventHint hint) {
        Map<WaitAttempt, Integer> counts = new EnumMap<>(WaitAttempt.class);
        for (Wait wait : unreleased) {
            counts.merge(attempt(wait, hint), 1, Integer::sum);
        }
        SweepReport report = new SweepReport(unreleased.size(),
                counts.getOrDefault(WaitAttempt.RELEASED, 0),
                counts.getOrDefault(WaitAttempt.RESENT, 0),
                counts.getOrDefault(WaitAttempt.WAITING, 0),
                counts.getOrDefault(WaitAttempt.BUSY, 0) + counts.getOrDefault(WaitAttempt.GONE, 0),
                counts.getOrDefault(WaitAttempt.FAILED, 0),
                counts.getOrDefault(WaitAttempt.UNAFFECTED, 0));
        LOG.info("Evaluated unreleased waits: {}", report);
        return report;
    }

    /**
     * Evaluates one wait under its lease and releases it when its condition holds. A failure is
     * logged with the wave and reported as {@link WaitAttempt#FAILED}: the wait stays open and the
     * next event or reconciler run evaluates it again.
     */
    public WaitAttempt attempt(Wait wait) {
        return attempt(wait, null);
    }

    /** As {@link #attempt(Wait)}; with a hint, only when the event can have moved the wait. */
    private WaitAttempt attempt(Wait wait, MgnEventHint hint) {
        MDC.put("waveId", wait.waveId());
        MDC.put("waitKind", wait.kind().name());
        try {
            if (hint != null && !evaluator.mayBeMovedBy(wait, hint)) {
                return WaitAttempt.UNAFFECTED;
            }
            return underLease(wait, hint);
        } catch (RuntimeException failure) {
            LOG.error("Evaluating the {} wait of wave {} failed; it is evaluated again on the next event or schedule",
                    wait.kind(), wait.waveId(), failure);
            return WaitAttempt.FAILED;
        } finally {
            MDC.remove("waveId");
            MDC.remove("waitKind");
        }
    }

    private WaitAttempt underLease(Wait wait, MgnEventHint hint) {
        if (!waits.tryLease(wait.waitId(), clock.instant(), LEASE)) {
            LOG.info("Another evaluator holds the lease of wait {}", wait.waitId());
            return WaitAttempt.BUSY;
        }
        try {
            // Read again under the lease: the listed copy may have been released or replaced since.
            Optional<Wait> current = waits.find(wait.waitId());
            if (current.isEmpty() || current.get().status() == Wait.Status.RELEASED) {
                return WaitAttempt.GONE;
            }
            return current.get().status() == Wait.Status.RELEASING
                    ? resendIfLost(current.get())
                    : evaluate(current.get(), hint);
        } finally {
            waits.endLease(wait.waitId());
        }
    }

    private WaitAttempt evaluate(Wait wait, MgnEventHint hint) {
        WaitOutcome outcome = hint == null ? evaluator.evaluate(wait) : evaluator.evaluateAfter(wait, hint);
        if (!outcome.done()) {
            return WaitAttempt.WAITING;
        }
        return releaser.release(wait, outcome.progress()) ? WaitAttempt.RELEASED : WaitAttempt.BUSY;
    }

    private WaitAttempt resendIfLost(Wait wait) {
        Instant now = clock.instant();
        if (wait.releasingSince() != null && now.isBefore(wait.releasingSince().plus(RESEND_AFTER))) {
            return WaitAttempt.BUSY;
        }
        LOG.warn("Wait {} was claimed at {} but its callback was not recorded as sent; sending it again",
                wait.waitId(), wait.releasingSince());
        releaser.resend(wait, evaluator.progressOf(wait));
        return WaitAttempt.RESENT;
    }
}
