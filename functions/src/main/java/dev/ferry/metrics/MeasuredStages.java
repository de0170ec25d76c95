package dev.ferry.metrics;

import dev.ferry.server.Stage;

import java.util.Set;

/**
 * Which stages of a wave have had their metrics emitted (the DynamoDB table). The conditional
 * write of {@link #claim} is what keeps a retried or duplicated invocation from counting a
 * stage's servers twice.
 */
public interface MeasuredStages {

    /** The stages of the wave whose metrics were claimed already. */
    Set<Stage> of(String waveId);

    /**
     * Claims the right to emit the metrics of the wave's stage. Returns true for the first caller
     * only; every later call, however concurrent, returns false.
     */
    boolean claim(String waveId, Stage stage);
}
