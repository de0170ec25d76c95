package dev.ferry.waits;

import dev.ferry.server.WaveProgress;

/**
 * What evaluating a wait decided.
 *
 * @param done     whether the waiting task may go on
 * @param progress the task's output when done, else null
 */
public record WaitOutcome(boolean done, WaveProgress progress) {

    /** The condition does not hold yet. */
    public static WaitOutcome notYet() {
        return new WaitOutcome(false, null);
    }

    /** The wait is over; the task continues with these counts. */
    public static WaitOutcome done(WaveProgress progress) {
        return new WaitOutcome(true, progress);
    }
}
