package dev.ferry.local.engine.time;

/** Why {@link Scheduler#runUntil} returned. */
public enum RunOutcome {
    /** The caller's condition became true. */
    DONE,
    /** The next event lies beyond the virtual time limit; the clock now stands at the limit. */
    TIME_LIMIT,
    /** Nothing is scheduled and, without pacing, nothing can arrive but from another thread. */
    IDLE,
    /** The running thread was interrupted while waiting. */
    INTERRUPTED
}
