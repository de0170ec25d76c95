package dev.ferry.local.mgn.environment;

/**
 * How EventBridge mistreats the events of one server; EventBridge delivery is best effort.
 *
 * @param lost       events are never delivered
 * @param duplicated every event is delivered twice
 * @param reordered  events are delivered late, so that a later event overtakes them
 */
public record EventFaults(boolean lost, boolean duplicated, boolean reordered) {

    /** Faithful delivery: once, on time. */
    public static final EventFaults NONE = new EventFaults(false, false, false);
}
