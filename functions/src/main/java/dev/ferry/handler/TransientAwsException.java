package dev.ferry.handler;

/**
 * An AWS call of a stage failed transiently (throttled, 5xx, timed out) after every retry of its
 * SDK client. The stage is safe to run again, so the state machine retries the task on this error
 * name with a longer back-off instead of failing the wave on a passing hiccup. The original
 * failure is the cause.
 */
public class TransientAwsException extends RuntimeException {

    public TransientAwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
