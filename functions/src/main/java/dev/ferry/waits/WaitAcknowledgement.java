package dev.ferry.waits;

/**
 * What a waiting task's function returns. Step Functions ignores it (the task ends with the
 * callback), so it only tells people reading the function's log what happened.
 *
 * @param waitId  the wait that was opened
 * @param attempt what its first evaluation did
 */
public record WaitAcknowledgement(String waitId, WaitAttempt attempt) {
}
