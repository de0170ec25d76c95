package dev.ferry.waits;

/**
 * Sending a wait's callback to Step Functions failed for a reason other than the task having ended.
 * Step Functions' own error text can quote the request, and so the task token: this exception keeps
 * only the failure's type and stack, never its message, so that no log line can carry the token.
 */
public class CallbackFailedException extends RuntimeException {

    CallbackFailedException(String waitId, RuntimeException failure) {
        super("Sending the callback of wait " + waitId + " failed with " + failure.getClass().getName());
        setStackTrace(failure.getStackTrace());
    }
}
