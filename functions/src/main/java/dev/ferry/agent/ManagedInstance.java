package dev.ferry.agent;

/**
 * An instance registered with Systems Manager.
 *
 * @param instanceId   the instance
 * @param pingStatus   {@code Online}, {@code ConnectionLost} or {@code Inactive}
 * @param platformType {@code Linux}, {@code Windows} or {@code MacOS}
 */
public record ManagedInstance(String instanceId, String pingStatus, String platformType) {

    /** Whether Run Command can reach it now. */
    public boolean online() {
        return "Online".equals(pingStatus);
    }
}
