package dev.ferry.stage;

/**
 * What every stage hands to the next through the state machine: a reference to the wave and
 * counts, never per-server lists, so that a state's payload stays small for a 1,000-server wave.
 * The per-server detail lives in the wave store.
 *
 * @param waveId     the wave's key in the store (the execution name)
 * @param total      servers in the wave
 * @param active     servers still moving forward
 * @param failed     servers that failed a stage
 * @param leftOut    servers the wave left behind without a failure of their own (not ready in time, not approved)
 * @param pending    servers whose current stage has not finished yet (a validation loop goes round while it is above zero)
 * @param stopped    whether the wave must stop (a failure under the STOP policy)
 * @param stopReason why it stopped, or null
 */
public record WaveProgress(String waveId, int total, int active, int failed, int leftOut, int pending,
                           boolean stopped, String stopReason) {
}
