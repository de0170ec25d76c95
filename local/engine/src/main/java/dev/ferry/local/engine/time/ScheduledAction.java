package dev.ferry.local.engine.time;

/** A handle on an action placed on the {@link Scheduler}, to withdraw it before it runs. */
public interface ScheduledAction {

    /** Removes the action from the queue; does nothing if it already ran or was cancelled. */
    void cancel();
}
