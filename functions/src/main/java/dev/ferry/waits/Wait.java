package dev.ferry.waits;

import dev.ferry.sfn.TaskAttempt;

import java.time.Instant;

/**
 * A wave's pending wait: a Step Functions task parked on a task token until a condition on MGN
 * state holds or its deadline passes. One per wave and kind; a retried task replaces the token.
 *
 * @param waitId       {@code waveId + "#" + kind}
 * @param waveId       the wave
 * @param kind         what is awaited
 * @param taskToken    the token that ends the task (never logged, never in a URL)
 * @param attempt      the task attempt the token belongs to: only a later attempt replaces it
 * @param executionArn the execution, for people reading the table
 * @param createdAt    when the task opened the wait
 * @param deadline     after this the condition is evaluated as timed out
 * @param status       PENDING until claimed, RELEASING while its callback is being sent, RELEASED after
 * @param releasingSince when it was claimed, or null
 */
public record Wait(String waitId, String waveId, WaitKind kind, String taskToken, TaskAttempt attempt,
                   String executionArn,
                   Instant createdAt, Instant deadline, Status status, Instant releasingSince) {

    /** The ID of a wave's wait of a kind. */
    public static String idOf(String waveId, WaitKind kind) {
        return waveId + "#" + kind;
    }

    /** A new pending wait. */
    public static Wait open(String waveId, WaitKind kind, String taskToken, TaskAttempt attempt, String executionArn,
                            Instant now, Instant deadline) {
        return new Wait(idOf(waveId, kind), waveId, kind, taskToken, attempt, executionArn, now, deadline,
                Status.PENDING, null);
    }

    /**
     * Whether a task of {@code attempt} replaces this wait: only a later attempt does. A wait stored
     * before attempts were recorded has none, and any attempt replaces it.
     */
    public boolean isReplacedBy(TaskAttempt attempt) {
        return this.attempt == null || attempt.isLaterThan(this.attempt);
    }

    /** Where a wait stands. */
    public enum Status { PENDING, RELEASING, RELEASED }
}
