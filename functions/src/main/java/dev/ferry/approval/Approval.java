package dev.ferry.approval;

import dev.ferry.sfn.TaskAttempt;
import java.time.Instant;

/**
 * A cutover approval request. Reached through an opaque random ID in the email link; the task
 * token it ends is stored here and never leaves the store.
 *
 * @param approvalId  at least 128 random bits, URL-safe
 * @param waveId      the wave
 * @param waveName    shown on the page
 * @param summary     the plain-text summary shown on the page and in the email
 * @param taskToken   the token of the waiting task
 * @param taskAttempt the task attempt the token belongs to: only a later attempt replaces it
 * @param createdAt   when it was requested
 * @param expiresAt   after this the page answers 410
 * @param decision    the decision, or null while undecided
 * @param delivered   whether the decision reached the waiting task
 * @param notified    whether the email with the link went out (a retried task sends it until it has)
 * @param executionArn the wave's Step Functions execution, named in the event that tells the decision
 *                     (the approval page may read approvals only, not the wave); null in approvals
 *                     stored before it was kept
 */
public record Approval(String approvalId, String waveId, String waveName, String summary, String taskToken,
                       TaskAttempt taskAttempt, Instant createdAt, Instant expiresAt, Decision decision, boolean delivered,
                       boolean notified, String executionArn) {

    /** An approval that does not know its wave's execution. */
    public Approval(String approvalId, String waveId, String waveName, String summary, String taskToken,
                    TaskAttempt taskAttempt, Instant createdAt, Instant expiresAt, Decision decision, boolean delivered,
                    boolean notified) {
        this(approvalId, waveId, waveName, summary, taskToken, taskAttempt, createdAt, expiresAt, decision, delivered,
                notified, null);
    }

    public boolean isDecided() {
        return decision != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
