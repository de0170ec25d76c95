package dev.ferry.sfn;

import java.time.Instant;
import java.util.Objects;

/**
 * Which attempt of a Step Functions task a callback token belongs to: when its state was entered
 * ({@code $$.State.EnteredTime}) and how many times it had been retried then
 * ({@code $$.State.RetryCount}). Tokens are opaque, but attempts are ordered. A handler can run on
 * after Step Functions stopped waiting for it and retried the task with a new token; a store that
 * keeps only the latest attempt's token never lets such a late handler put back a token that can
 * no longer end the task.
 *
 * @param enteredTime when the state was entered; a state entered again (a loop) is a later attempt
 * @param retryCount  retries of the state so far in this entry
 */
public record TaskAttempt(Instant enteredTime, int retryCount) implements Comparable<TaskAttempt> {

    /** Retries counted apart in {@link #order()}; no Retry of the state machine comes near it. */
    private static final int RETRIES_PER_MILLISECOND = 1_000;

    public TaskAttempt {
        Objects.requireNonNull(enteredTime, "attempt.enteredTime is required ($$.State.EnteredTime)");
        if (retryCount < 0 || retryCount >= RETRIES_PER_MILLISECOND) {
            throw new IllegalArgumentException("attempt.retryCount must be 0 to " + (RETRIES_PER_MILLISECOND - 1)
                    + ", not " + retryCount);
        }
    }

    /** A number that orders attempts as {@link #compareTo} does, for a conditional write to compare. */
    public long order() {
        return enteredTime.toEpochMilli() * RETRIES_PER_MILLISECOND + retryCount;
    }

    @Override
    public int compareTo(TaskAttempt other) {
        return Long.compare(order(), other.order());
    }

    /** Whether this attempt came after {@code other}. */
    public boolean isLaterThan(TaskAttempt other) {
        return compareTo(other) > 0;
    }
}
