package dev.ferry.waits;

import dev.ferry.server.Phase;

/** What a wave waits for. */
public enum WaitKind {
    /** Every active server ready for testing with a known replication lag. */
    REPLICATION,
    /** Every active server's test launch finished (launched or failed). */
    TEST_LAUNCH,
    /** Every active server's cutover launch finished. */
    CUTOVER_LAUNCH;

    /** The launch phase of a launch wait. */
    public Phase phase() {
        return switch (this) {
            case TEST_LAUNCH -> Phase.TEST;
            case CUTOVER_LAUNCH -> Phase.CUTOVER;
            case REPLICATION -> throw new IllegalStateException("A replication wait launches nothing");
        };
    }
}
