package dev.ferry.stage.launch;

import dev.ferry.server.Phase;

/**
 * The input of a stage that works on one launch phase of a wave (validation and settling).
 *
 * @param waveId the wave
 * @param phase  TEST or CUTOVER
 */
public record PhaseRequest(String waveId, Phase phase) {
}
