package dev.ferry.server;

/** The stages a server goes through, in order. */
public enum Stage {
    PREFLIGHT,
    PREPARE_LAUNCH,
    REPLICATION,
    TEST_LAUNCH,
    TEST_VALIDATION,
    READY_FOR_CUTOVER,
    APPROVAL,
    CUTOVER_LAUNCH,
    CUTOVER_VALIDATION,
    FINALIZE,
    DONE
}
