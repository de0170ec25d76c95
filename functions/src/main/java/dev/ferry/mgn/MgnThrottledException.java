package dev.ferry.mgn;

/**
 * MGN kept answering 429 {@code ThrottlingException} after every in-function retry. The state
 * machine retries the task on this error name with its own, longer back-off.
 */
public class MgnThrottledException extends RuntimeException {

    public MgnThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
