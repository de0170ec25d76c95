package dev.ferry.approval;

/**
 * Sending a recorded decision to the waiting task failed (Step Functions unreachable, throttled,
 * or refusing the call). The decision stays recorded and undelivered; the next visit of the page
 * sends it again.
 *
 * <p>The failure's message is left out and only its type and stack are kept: an error about a
 * callback may quote the request it failed on, and the task token must never reach a log.
 */
public class DecisionDeliveryException extends RuntimeException {

    public DecisionDeliveryException(String waveId, RuntimeException failure) {
        super("Sending the decision on wave " + waveId + " to the waiting task failed with "
                + failure.getClass().getName());
        setStackTrace(failure.getStackTrace());
    }
}
