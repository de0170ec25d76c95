package dev.ferry.waits;

/** What one attempt to evaluate and release a wait did. */
public enum WaitAttempt {
    /** The condition does not hold yet; the wait stays open. */
    WAITING,
    /** The condition held and this attempt sent the callback. */
    RELEASED,
    /** The wait was claimed long ago but its callback may have been lost, so it was sent again. */
    RESENT,
    /** Someone else is evaluating or releasing the wait right now. */
    BUSY,
    /** The wait was released (or replaced by a retried task) before this attempt looked at it. */
    GONE,
    /**
     * The event cannot have moved the wait: it is about a server outside the wave, a kind of
     * event the wait does not heed, or something the server's record already shows.
     */
    UNAFFECTED,
    /** The evaluation failed; the next event or reconciler run tries again. */
    FAILED
}
