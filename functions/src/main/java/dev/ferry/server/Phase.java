package dev.ferry.server;

/** The two launches MGN makes for a server: the test and the cutover. */
public enum Phase {
    TEST,
    CUTOVER;

    /** The stage in which this phase launches instances. */
    public Stage launchStage() {
        return this == TEST ? Stage.TEST_LAUNCH : Stage.CUTOVER_LAUNCH;
    }

    /** The stage in which this phase's instances are validated. */
    public Stage validationStage() {
        return this == TEST ? Stage.TEST_VALIDATION : Stage.CUTOVER_VALIDATION;
    }
}
