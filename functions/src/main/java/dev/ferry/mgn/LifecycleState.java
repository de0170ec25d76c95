package dev.ferry.mgn;

/** MGN's source server lifecycle states, with UNKNOWN for any state a newer MGN adds. */
public enum LifecycleState {
    STOPPED, NOT_READY, READY_FOR_TEST, TESTING, READY_FOR_CUTOVER, CUTTING_OVER, CUTOVER, DISCONNECTED,
    DISCOVERED, PENDING_INSTALLATION, UNKNOWN;

    /** The state named by MGN's wire value. */
    public static LifecycleState fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    /** Whether replication has made the server ready for testing at least once. */
    public boolean hasBeenReadyForTest() {
        return switch (this) {
            case READY_FOR_TEST, TESTING, READY_FOR_CUTOVER, CUTTING_OVER, CUTOVER -> true;
            default -> false;
        };
    }
}
