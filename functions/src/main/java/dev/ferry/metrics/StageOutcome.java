package dev.ferry.metrics;

/** How a server ended one stage of its wave. */
public enum StageOutcome {
    /** It went on to the next stage. */
    PASSED,
    /** It failed in this stage. */
    FAILED,
    /** The wave left it behind in this stage without a failure of its own (not ready in time, not approved, wave stopped). */
    LEFT_OUT
}
