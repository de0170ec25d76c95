package dev.ferry.waits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pending waits (the DynamoDB table). The conditional writes are the point: a wait is evaluated by
 * one evaluator at a time (a lease) and released exactly once (a claim).
 */
public interface WaitStore {

    /**
     * Stores a pending wait, replacing one of the same wave and kind that an earlier task attempt
     * opened (a retried task). Returns false, changing nothing, when the stored wait belongs to this
     * attempt or a later one.
     */
    boolean open(Wait wait);

    Optional<Wait> find(String waitId);

    /** Waits not yet released: PENDING ones, and RELEASING ones whose callback may not have been sent. */
    List<Wait> unreleased();

    /**
     * Takes the right to evaluate the wait until {@code now + lease}, unless another evaluator
     * holds an unexpired lease. Returns whether it was taken.
     */
    boolean tryLease(String waitId, Instant now, Duration lease);

    /** Gives the lease back early. */
    void endLease(String waitId);

    /**
     * Moves the wait from PENDING to RELEASING, only if it is still PENDING with this token.
     * Returns whether this caller won the claim; only the winner sends the callback.
     */
    boolean claim(String waitId, String taskToken, Instant now);

    /** Records that the callback for this token was sent (or was no longer needed). */
    void markReleased(String waitId, String taskToken);
}
