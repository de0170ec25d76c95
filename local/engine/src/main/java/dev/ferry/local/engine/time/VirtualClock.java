package dev.ferry.local.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A clock whose time only moves when told to: by {@link #advanceTo}, or while the {@link Scheduler}
 * paces it against real time during a wait.
 *
 * <p>Every view obtained through {@link #withZone} shares the same time line. Reads are thread-safe, so
 * Lambda handlers, the API and the scheduler all see one virtual "now".
 */
public final class VirtualClock extends Clock {

    private final TimeLine timeLine;
    private final ZoneId zone;

    /** Creates a clock frozen at {@code start}, in UTC. */
    public VirtualClock(Instant start) {
        this(new TimeLine(start, System::nanoTime), ZoneOffset.UTC);
    }

    VirtualClock(Instant start, LongSupplier realNanos) {
        this(new TimeLine(start, realNanos), ZoneOffset.UTC);
    }

    private VirtualClock(TimeLine timeLine, ZoneId zone) {
        this.timeLine = timeLine;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return timeLine.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new VirtualClock(timeLine, Objects.requireNonNull(newZone, "zone"));
    }

    /**
     * Moves the clock forward to {@code target}.
     *
     * @throws IllegalArgumentException if {@code target} is before the current time: virtual time never
     *     goes backwards
     */
    public void advanceTo(Instant target) {
        timeLine.advanceTo(target);
    }

    /** Moves the clock forward by {@code duration} (which must not be negative). */
    public void advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Virtual time cannot move backwards by " + duration);
        }
        timeLine.advanceBy(duration);
    }

    /**
     * Lets virtual time flow at {@code virtualSecondsPerRealSecond} until {@code ceiling} or until
     * {@link #freeze()}; used by the scheduler while it waits for a person.
     */
    void flowTowards(Instant ceiling, double virtualSecondsPerRealSecond) {
        timeLine.flowTowards(ceiling, virtualSecondsPerRealSecond);
    }

    /** Stops a flow started by {@link #flowTowards}, keeping the time reached. */
    void freeze() {
        timeLine.freeze();
    }

    /** The single, shared time line behind every zone view of one clock. */
    private static final class TimeLine {
        /** Bounds one flow so that nanosecond arithmetic cannot overflow. */
        private static final Duration MAX_FLOW = Duration.ofDays(365L * 200);

        private final LongSupplier realNanos;
        private Instant frozenAt;
        private boolean flowing;
        private long flowStartNanos;
        private double rate;
        private Instant ceiling;

        TimeLine(Instant start, LongSupplier realNanos) {
            this.frozenAt = Objects.requireNonNull(start, "start");
            this.realNanos = realNanos;
        }

        synchronized Instant now() {
            if (!flowing) {
                return frozenAt;
            }
            double virtualNanos = (realNanos.getAsLong() - flowStartNanos) * rate;
            long boundedNanos = Duration.between(frozenAt, ceiling).toNanos();
            return frozenAt.plusNanos((long) Math.min(virtualNanos, boundedNanos));
        }

        synchronized void advanceTo(Instant target) {
            Instant current = now();
            if (target.isBefore(current)) {
                throw new IllegalArgumentException(
                        "Virtual time cannot move backwards from " + current + " to " + target);
            }
            flowing = false;
            frozenAt = target;
        }

        synchronized void advanceBy(Duration duration) {
            advanceTo(now().plus(duration));
        }

        synchronized void flowTowards(Instant target, double virtualSecondsPerRealSecond) {
            frozenAt = now();
            Instant farthest = frozenAt.plus(MAX_FLOW);
            ceiling = target.isBefore(frozenAt) ? frozenAt : target.isAfter(farthest) ? farthest : target;
            rate = virtualSecondsPerRealSecond;
            flowStartNanos = realNanos.getAsLong();
            flowing = true;
        }

        synchronized void freeze() {
            frozenAt = now();
            flowing = false;
        }
    }
}
