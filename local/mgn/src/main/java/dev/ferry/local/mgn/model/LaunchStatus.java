package dev.ferry.local.mgn.model;

/** A participating server's {@code launchStatus}. */
public enum LaunchStatus {
    PENDING, IN_PROGRESS, LAUNCHED, FAILED, TERMINATED
}
