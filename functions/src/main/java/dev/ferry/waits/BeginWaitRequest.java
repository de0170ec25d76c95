package dev.ferry.waits;

/**
 * The input of a waiting task ({@code .waitForTaskToken}): which wave waits for what, and the
 * token that ends the task.
 *
 * @param waveId    the wave
 * @param kind      what the wave waits for
 * @param taskToken the task's token ({@code $$.Task.Token}); never logged
 */
public record BeginWaitRequest(String waveId, WaitKind kind, String taskToken) {

    /** Leaves the token out, so that a logged or printed request never reveals it. */
    @Override
    public String toString() {
        return "BeginWaitRequest[waveId=" + waveId + ", kind=" + kind + "]";
    }
}
