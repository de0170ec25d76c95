package dev.ferry.local.engine.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event scheduler on a {@link VirtualClock}: actions wait in a queue ordered by virtual time
 * (then by submission order) and are run, one at a time, by the single thread that calls
 * {@link #runUntil}. Before each action the clock is moved to the action's time.
 *
 * <p>Any thread may {@link #schedule} or {@link #submit}; neither blocks on the running thread.
 *
 * <p>Without pacing (the default, {@link Double#POSITIVE_INFINITY}) the clock jumps straight to the
 * next event and the scheduler never sleeps. With a finite speed, the gap to the next event is waited
 * out in real time at that many virtual seconds per real second, so that a person acting through
 * another thread (approving in a browser, say) sees virtual time pass at a bounded rate; a submission
 * from another thread wakes such a wait at once.
 */
public final class Scheduler {

    private final VirtualClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long nextSequence;
    private double speed;

    /** Creates an unpaced scheduler: virtual time jumps from event to event. */
    public Scheduler(VirtualClock clock) {
        this(clock, Double.POSITIVE_INFINITY);
    }

    /**
     * Creates a scheduler paced at {@code virtualSecondsPerRealSecond}
     * ({@link Double#POSITIVE_INFINITY} for no pacing).
     */
    public Scheduler(VirtualClock clock, double virtualSecondsPerRealSecond) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.speed = requireValidSpeed(virtualSecondsPerRealSecond);
    }

    /** The clock this scheduler moves. */
    public VirtualClock clock() {
        return clock;
    }

    /** Changes the pacing; a wait in progress is re-planned at the new speed. */
    public void setSpeed(double virtualSecondsPerRealSecond) {
        double checked = requireValidSpeed(virtualSecondsPerRealSecond);
        lock.lock();
        try {
            speed = checked;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current pacing, in virtual seconds per real second. */
    public double speed() {
        lock.lock();
        try {
            return speed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues {@code action} to run at virtual time {@code at}. A time already past runs as soon as
     * possible, since virtual time never goes back.
     */
    public ScheduledAction schedule(Instant at, Runnable action) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        lock.lock();
        try {
            Entry entry = new Entry(at, nextSequence++, action);
            queue.add(entry);
            changed.signalAll();
            return () -> withdraw(entry);
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code action} to run at the current virtual time, after what is already due. */
    public ScheduledAction submit(Runnable action) {
        return schedule(clock.instant(), action);
    }

    /** Number of actions waiting to run. */
    public int pendingCount() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs queued actions in virtual-time order on the calling thread until {@code done} holds, the
     * next action lies beyond {@code virtualLimit}, or (unpaced) nothing is left to run. The condition
     * is checked before every action. Only one thread may run the scheduler.
     */
    public RunOutcome runUntil(BooleanSupplier done, Instant virtualLimit) {
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(virtualLimit, "virtualLimit");
        while (!done.getAsBoolean()) {
            Next next = awaitNext(virtualLimit);
            if (next.outcome() != null) {
                return next.outcome();
            }
            next.action().run();
        }
        return RunOutcome.DONE;
    }

    private Next awaitNext(Instant virtualLimit) {
        lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                Entry head = queue.peek();
                boolean headWithinLimit = head != null && !head.at().isAfter(virtualLimit);
                if (headWithinLimit && !head.at().isAfter(now)) {
                    return Next.run(queue.poll().action());
                }
                if (Double.isInfinite(speed)) {
                    if (headWithinLimit) {
                        clock.advanceTo(head.at());
                        return Next.run(queue.poll().action());
                    }
                    if (head == null) {
                        return Next.stop(RunOutcome.IDLE);
                    }
                    clock.advanceTo(virtualLimit.isAfter(now) ? virtualLimit : now);
                    return Next.stop(RunOutcome.TIME_LIMIT);
                }
                Instant target = headWithinLimit ? head.at() : virtualLimit;
                if (!target.isAfter(now)) {
                    return Next.stop(RunOutcome.TIME_LIMIT);
                }
                if (!waitPaced(now, target)) {
                    return Next.stop(RunOutcome.INTERRUPTED);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets virtual time flow towards {@code target} at the current speed; false if interrupted. */
    private boolean waitPaced(Instant now, Instant target) {
        double virtualNanos = nanosBetween(now, target);
        long realNanos = (long) Math.min(Math.ceil(virtualNanos / speed), Long.MAX_VALUE / 2.0);
        clock.flowTowards(target, speed);
        try {
            changed.awaitNanos(Math.max(realNanos, 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            clock.freeze();
        }
    }

    private static double nanosBetween(Instant from, Instant to) {
        Duration gap = Duration.between(from, to);
        return gap.getSeconds() * (double) TimeUnit.SECONDS.toNanos(1) + gap.getNano();
    }

    private void withdraw(Entry entry) {
        lock.lock();
        try {
            queue.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    private static double requireValidSpeed(double virtualSecondsPerRealSecond) {
        if (Double.isNaN(virtualSecondsPerRealSecond) || virtualSecondsPerRealSecond <= 0) {
            throw new IllegalArgumentException(
                    "Speed must be a positive number of virtual seconds per real second, got "
                            + virtualSecondsPerRealSecond);
        }
        return virtualSecondsPerRealSecond;
    }

    private record Entry(Instant at, long sequence, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** Either an action to run now or the reason to stop running. */
    private record Next(Runnable action, RunOutcome outcome) {
        static Next run(Runnable action) {
            return new Next(action, null);
        }

        static Next stop(RunOutcome outcome) {
            return new Next(null, outcome);
        }
    }
}
