package dev.ferry.local.mgn.environment;

/** Which launched instances of a server fail the application check after launch. */
public enum ValidationFailure {
    NONE, TEST, CUTOVER, BOTH;

    /** Whether a test instance fails validation. */
    public boolean affectsTest() {
        return this == TEST || this == BOTH;
    }

    /** Whether a cutover instance fails validation. */
    public boolean affectsCutover() {
        return this == CUTOVER || this == BOTH;
    }
}
