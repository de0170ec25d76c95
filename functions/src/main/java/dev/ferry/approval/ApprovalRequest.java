package dev.ferry.approval;

import dev.ferry.sfn.TaskAttempt;
import java.util.Objects;

/**
 * The input of the RequestApproval state: the wave whose cutover needs a person's approval and the
 * token of the task that waits for it.
 *
 * @param waveId    the wave
 * @param taskToken the waiting task's token; kept in the approval store and never shown or logged
 * @param attempt   the task attempt the token belongs to
 */
public record ApprovalRequest(String waveId, String taskToken, TaskAttempt attempt) {

    public ApprovalRequest {
        Objects.requireNonNull(waveId, "waveId is required");
        Objects.requireNonNull(taskToken, "taskToken is required");
        Objects.requireNonNull(attempt, "attempt is required ($$.State.EnteredTime and $$.State.RetryCount)");
    }

    /** Leaves the token out, so that a logged or printed request never carries it. */
    @Override
    public String toString() {
        return "ApprovalRequest[waveId=" + waveId + ", taskToken=(hidden), attempt=" + attempt + "]";
    }
}
