package dev.ferry.agent;

/** Where a Run Command invocation on one instance stands. */
public enum CommandStatus {
    PENDING(false),
    IN_PROGRESS(false),
    DELAYED(false),
    CANCELLING(false),
    SUCCESS(true),
    FAILED(true),
    TIMED_OUT(true),
    CANCELLED(true);

    private final boolean finished;

    CommandStatus(boolean finished) {
        this.finished = finished;
    }

    /** Whether the invocation will not change any more. */
    public boolean finished() {
        return finished;
    }

    /** SSM's status names: {@code Pending}, {@code InProgress}, {@code Success}, {@code TimedOut}... */
    static CommandStatus fromSsm(String status) {
        return switch (status == null ? "" : status) {
            case "InProgress" -> IN_PROGRESS;
            case "Delayed" -> DELAYED;
            case "Cancelling" -> CANCELLING;
            case "Success" -> SUCCESS;
            case "Failed" -> FAILED;
            case "TimedOut" -> TIMED_OUT;
            case "Cancelled" -> CANCELLED;
            default -> PENDING;
        };
    }
}
