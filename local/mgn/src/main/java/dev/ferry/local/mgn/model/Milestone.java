package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of {@code lifeCycle.lastTest} or {@code lifeCycle.lastCutover}.
 *
 * @param apiCallDateTime when the call that caused it was made
 * @param jobId           the launch job, for the {@code initiated} entry only
 */
public record Milestone(Instant apiCallDateTime, Optional<String> jobId) {

    /** Which entry: {@code initiated}, {@code reverted} or {@code finalized}. */
    public enum Step { INITIATED, REVERTED, FINALIZED }
}
