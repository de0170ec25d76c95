package dev.ferry.local.engine;

import dev.ferry.local.engine.time.ScheduledAction;
import dev.ferry.local.engine.time.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cancellable region of an execution's work: the execution itself, a task attempt, a Parallel
 * branch, a Map iteration. Actions scheduled through a scope run only while it and its ancestors are
 * active and the execution is running; cancelling a scope withdraws its pending actions from the
 * scheduler (so stale timers never move the clock) and cancels every descendant.
 */
final class Scope {

    private final Scope parent;
    private final Execution execution;
    private final Scheduler scheduler;
    private final List<Scope> children = new ArrayList<>();
    private final Set<ScheduledAction> pending = new HashSet<>();
    private volatile boolean cancelled;

    private Scope(Scope parent, Execution execution, Scheduler scheduler) {
        this.parent = parent;
        this.execution = execution;
        this.scheduler = scheduler;
    }

    static Scope root(Execution execution, Scheduler scheduler) {
        return new Scope(null, execution, scheduler);
    }

    /** A new scope inside this one. */
    synchronized Scope child() {
        Scope child = new Scope(this, execution, scheduler);
        child.cancelled = cancelled;
        if (!cancelled) {
            children.add(child);
        }
        return child;
    }

    /** True while work in this scope should go on. */
    boolean active() {
        return !cancelled && (parent == null ? execution.isRunning() : parent.active());
    }

    /** Runs {@code action} at virtual time {@code at}, if the scope is still active then. */
    synchronized ScheduledAction schedule(Instant at, Runnable action) {
        if (cancelled) {
            return () -> { };
        }
        ScheduledAction[] handle = new ScheduledAction[1];
        handle[0] = scheduler.schedule(at, () -> {
            forget(handle[0]);
            if (active()) {
                action.run();
            }
        });
        pending.add(handle[0]);
        return () -> {
            forget(handle[0]);
            handle[0].cancel();
        };
    }

    /** Runs {@code action} as soon as the scheduler gets to it, if the scope is still active then. */
    ScheduledAction submit(Runnable action) {
        return schedule(scheduler.clock().instant(), action);
    }

    /** Ends the scope and everything in it. */
    void cancel() {
        List<ScheduledAction> actions;
        List<Scope> descendants;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = List.copyOf(pending);
            descendants = List.copyOf(children);
            pending.clear();
            children.clear();
        }
        actions.forEach(ScheduledAction::cancel);
        descendants.forEach(Scope::cancel);
        if (parent != null) {
            parent.removeChild(this);
        }
    }

    private synchronized void forget(ScheduledAction action) {
        pending.remove(action);
    }

    private synchronized void removeChild(Scope child) {
        children.remove(child);
    }
}
