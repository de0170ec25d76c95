package dev.ferry.stage;

import dev.ferry.server.Stage;

/**
 * Another attempt of the stage still runs for the wave (it holds the stage's lease): this attempt
 * did nothing, and the state machine retries it once that one has ended or its lease has lapsed.
 */
public class StageBusyException extends RuntimeException {

    public StageBusyException(String waveId, Stage stage) {
        super("Another attempt of " + stage + " still runs for wave " + waveId
                + "; this one changed nothing and is retried once that one has ended");
    }
}
