package dev.ferry.local.cloud.faults;

/** What happens to one request to a simulated service. */
public enum ServiceFault {
    NONE,
    THROTTLED,
    SERVER_ERROR,
    TIMEOUT_AFTER_APPLY
}
