package dev.ferry.sfn;

/** Whether a wave's execution still runs, as Step Functions says. */
public interface WaveExecutions {

    /**
     * True while the execution runs (or waits to be redriven); false once it has ended, however it
     * ended, or when Step Functions does not know it.
     */
    boolean isRunning(String executionArn);
}
