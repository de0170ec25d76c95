package dev.ferry.waits;

import java.util.Arrays;
import java.util.Optional;

/**
 * The MGN events Ferry listens to: the three whose shape AWS documents with samples. Others exist
 * but have no published schema, so nothing depends on them.
 */
public enum MgnEventType {
    /** A test or cutover launch of a server succeeded or failed. */
    LAUNCH_RESULT("MGN Source Server Launch Result"),
    /** A server reached READY_FOR_TEST for the first time. */
    LIFECYCLE_STATE_CHANGE("MGN Source Server Lifecycle State Change"),
    /** A server's replication stalled or recovered. */
    REPLICATION_STALLED_CHANGE("MGN Source Server Data Replication Stalled Change");

    private final String detailType;

    MgnEventType(String detailType) {
        this.detailType = detailType;
    }

    /** The event's {@code detail-type} as EventBridge carries it. */
    public String detailType() {
        return detailType;
    }

    /** The type with this {@code detail-type}, if Ferry knows it. */
    public static Optional<MgnEventType> fromDetailType(String detailType) {
        return Arrays.stream(values()).filter(type -> type.detailType.equals(detailType)).findFirst();
    }
}
