package dev.ferry.approval;

import dev.ferry.sfn.TaskAttempt;
import java.time.Instant;
import java.util.Optional;

/** Approval requests (the DynamoDB table). */
public interface ApprovalStore {

    /**
     * Stores a new approval and links it to its wave, unless the wave already has one; returns the
     * wave's approval either way, so that a retried request task reuses the link already emailed.
     */
    Approval createForWave(Approval approval);

    Optional<Approval> find(String approvalId);

    /**
     * Points the approval at the token of a retried task, unless it already holds the token of
     * this attempt or a later one (a handler that ran on after its task was retried). Returns
     * whether the token was replaced.
     */
    boolean replaceTaskToken(String approvalId, String taskToken, TaskAttempt attempt);

    /**
     * Records the decision only if none is recorded yet and the approval has not expired by
     * {@code decision.decidedAt()}. Returns whether this decision was the one recorded.
     */
    boolean decide(String approvalId, Decision decision);

    /** How many approvals are neither decided nor expired at {@code now}: the cutovers waiting for a person. */
    int waitingForDecision(Instant now);

    /** Records that the decision reached the waiting task. */
    void markDelivered(String approvalId);

    /** Records that the email with the approval link was sent. */
    void markNotified(String approvalId);
}
