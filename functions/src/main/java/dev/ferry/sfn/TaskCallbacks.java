package dev.ferry.sfn;

/** Ends a Step Functions task that waits for a task token. */
public interface TaskCallbacks {

    /** Completes the task with this JSON output. */
    Delivery succeed(String taskToken, String outputJson);

    /** Fails the task with this error name (what Catch matches) and cause. */
    Delivery fail(String taskToken, String error, String cause);

    /** What became of a callback. */
    enum Delivery {
        /** The task took the result. */
        DELIVERED,
        /** The task had already ended (TaskTimedOut, TaskDoesNotExist): someone released it before. */
        ALREADY_CLOSED
    }
}
