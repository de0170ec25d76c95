package dev.ferry.local.cloud.events;

import dev.ferry.local.cloud.faults.FaultDraw;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Faults of event delivery that a rehearsal injects, as EventBridge and Lambda have them: an event
 * delivered to two invocations of its target at once (EventBridge delivers at least once, and
 * Lambda runs the copies in separate execution environments), and an event delivered while the
 * reconciler's schedule fires, so that the event router and the reconciler evaluate the same
 * waits at the same time. Which deliveries are doubled is drawn from the seed; how the two
 * invocations interleave is up to the threads that run them. From the environment file:
 *
 * <pre>{@code
 * "faults": { "events": { "twiceAtOncePercent": 10, "withReconcilerPercent": 10, "seed": 7 } }
 * }</pre>
 *
 * @param twiceAtOncePercent    of deliveries made to two invocations of the target at once
 * @param withReconcilerPercent of deliveries made while every scheduled function runs alongside
 * @param seed                  where the random choices start
 */
public record EventFaults(int twiceAtOncePercent, int withReconcilerPercent, long seed) {

    /** No fault. */
    public static final EventFaults NONE = new EventFaults(0, 0, 0);

    /** The rates {@code --chaos SEED} uses. */
    public static EventFaults chaos(long seed) {
        return new EventFaults(15, 15, seed);
    }

    /** What happens to one delivery. */
    public enum Fault { NONE, TWICE_AT_ONCE, WITH_RECONCILER }

    /**
     * The faults injected.
     *
     * @param twiceAtOnce    deliveries made to two invocations at once
     * @param withReconciler deliveries made while the scheduled functions ran alongside
     */
    public record Count(int twiceAtOnce, int withReconciler) {

        public static final Count NONE = new Count(0, 0);

        public int total() {
            return twiceAtOnce + withReconciler;
        }

        /** As the rehearsal's summary prints it. */
        public String describe() {
            return twiceAtOnce + " delivered to two invocations at once, " + withReconciler
                    + " delivered while the reconciler ran";
        }
    }

    public EventFaults {
        if (twiceAtOncePercent < 0 || withReconcilerPercent < 0 || twiceAtOncePercent + withReconcilerPercent > 100) {
            throw new IllegalArgumentException("Fault rates must be percentages adding up to at most 100, not "
                    + twiceAtOncePercent + " and " + withReconcilerPercent);
        }
    }

    /** A source of faults at these rates, from the seed. */
    public Source source() {
        return new Source(this);
    }

    /** Draws each delivery's fault in turn. */
    public static final class Source {
        private final EventFaults rates;
        private final Random random;

        private Source(EventFaults rates) {
            this.rates = rates;
            this.random = new Random(rates.seed());
        }

        public synchronized Fault next() {
            if (rates.twiceAtOncePercent() + rates.withReconcilerPercent() == 0) {
                return Fault.NONE;
            }
            return FaultDraw.pick(random.nextInt(100), Fault.NONE, List.of(Fault.TWICE_AT_ONCE, Fault.WITH_RECONCILER),
                    rates.twiceAtOncePercent(), rates.withReconcilerPercent());
        }
    }

    /** Reads {@code events} of an environment file's {@code faults} section, noting each problem by path. */
    public static EventFaults fromJson(Optional<ObjectReader> faults) {
        return faults.flatMap(section -> section.optionalObject("events")).map(events -> {
            events.rejectUnknownFields("twiceAtOncePercent", "withReconcilerPercent", "seed");
            long twice = events.optionalWholeNumber("twiceAtOncePercent", 0, 100).orElse(0L);
            long withReconciler = events.optionalWholeNumber("withReconcilerPercent", 0, 100).orElse(0L);
            long seed = events.optionalWholeNumber("seed", 0, Long.MAX_VALUE).orElse(1L);
            if (twice + withReconciler > 100) {
                events.problem("withReconcilerPercent", "with twiceAtOncePercent, must add up to at most 100, not "
                        + (twice + withReconciler));
                return NONE;
            }
            return new EventFaults((int) twice, (int) withReconciler, seed);
        }).orElse(NONE);
    }
}
