package dev.ferry.stage.dns;

import dev.ferry.server.WaveProgress;

/**
 * What one DnsSwitch invocation hands to the state machine: whether the switch is over, and if
 * not, how long to wait before the next invocation checks the target and takes the next step.
 *
 * @param waveId       the wave
 * @param done         whether the switch is over (completed, rolled back, or nothing to switch)
 * @param waitSeconds  the pause before the next invocation; 0 when done
 * @param stepsApplied how many weight steps are applied
 * @param steps        how many steps the wave sets
 * @param progress     the wave's counts; {@code stopped} after a rollback
 */
public record DnsSwitchResult(String waveId, boolean done, long waitSeconds, int stepsApplied, int steps,
                              WaveProgress progress) {
}
