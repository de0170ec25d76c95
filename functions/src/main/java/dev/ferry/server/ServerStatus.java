package dev.ferry.server;

/** Where a server stands in its wave. */
public enum ServerStatus {
    /** Still moving forward with the wave. */
    ACTIVE,
    /** Failed a stage; {@link ServerRecord#failure()} says which and why. */
    FAILED,
    /** Left behind without a failure of its own (not ready in time, wave stopped, not approved). */
    LEFT_OUT,
    /** Cut over and validated (and finalized when the wave asked for it). */
    CUT_OVER
}
