package dev.ferry.local.mgn.events;

/** The three MGN EventBridge detail-types AWS documents with a sample; the simulator emits no other. */
public enum MgnEventType {
    /** A test or cutover launch finished for one server: {@code detail.state} and {@code detail.job-id}. */
    LAUNCH_RESULT("MGN Source Server Launch Result"),
    /** A server reached READY_FOR_TEST for the first time ever. */
    LIFECYCLE_STATE_CHANGE("MGN Source Server Lifecycle State Change"),
    /** Data replication stalled or recovered: {@code detail.state} is STALLED or NOT_STALLED. */
    DATA_REPLICATION_STALLED_CHANGE("MGN Source Server Data Replication Stalled Change");

    private final String detailType;

    MgnEventType(String detailType) {
        this.detailType = detailType;
    }

    /** The {@code detail-type} of the EventBridge envelope. */
    public String detailType() {
        return detailType;
    }
}
