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

    /**
     * Whether an event of this type and state can move a wait of this kind: launch results move the
     * launch wait of their phase (a state naming neither phase is heeded by both), lifecycle and
     * stall changes the replication wait.
     */
    public boolean heeds(MgnEventHint hint) {
        return switch (hint.detailType()) {
            case LAUNCH_RESULT -> this != REPLICATION && !namesOtherPhase(hint.state());
            case LIFECYCLE_STATE_CHANGE, REPLICATION_STALLED_CHANGE -> this == REPLICATION;
        };
    }

    private boolean namesOtherPhase(String state) {
        Phase other = phase() == Phase.TEST ? Phase.CUTOVER : Phase.TEST;
        return state != null && state.startsWith(other.name() + "_");
    }
}
