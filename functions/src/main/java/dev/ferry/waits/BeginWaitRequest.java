package dev.ferry.waits;

import dev.ferry.sfn.TaskAttempt;

import java.util.Objects;

/**
 * The input of a waiting task ({@code .waitForTaskToken}): which wave waits for what, and the
 * token that ends the task with the attempt it belongs to.
 *
 * @param waveId    the wave
 * @param kind      what the wave waits for
 * @param taskToken the task's token ({@code $$.Task.Token}); never logged
 * @param attempt   the task attempt the token belongs to
 */
public record BeginWaitRequest(String waveId, WaitKind kind, String taskToken, TaskAttempt attempt) {

    public BeginWaitRequest {
        Objects.requireNonNull(waveId, "waveId is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(taskToken, "taskToken is required");
        Objects.requireNonNull(attempt, "attempt is required ($$.State.EnteredTime and $$.State.RetryCount)");
    }

    /** Leaves the token out, so that a logged or printed request never reveals it. */
    @Override
    public String toString() {
        return "BeginWaitRequest[waveId=" + waveId + ", kind=" + kind + ", attempt=" + attempt + "]";
    }
}
