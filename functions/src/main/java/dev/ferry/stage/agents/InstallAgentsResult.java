package dev.ferry.stage.agents;

import dev.ferry.server.WaveProgress;

/**
 * What one InstallAgents invocation hands to the state machine: whether every agent installation
 * has finished, and if not, that the stage is to be called again after a pause.
 *
 * @param waveId     the wave
 * @param done       whether no installation is unfinished (the wave goes on, or to its report)
 * @param total      installations in the wave
 * @param pending    installations not finished yet
 * @param registered installations whose server appeared in MGN and joined the wave
 * @param failed     installations that failed
 * @param leftOut    installations not attempted because the wave stops
 * @param progress   the wave's counts; {@code stopped} when a failed installation stopped the wave
 */
public record InstallAgentsResult(String waveId, boolean done, int total, int pending, int registered, int failed,
                                  int leftOut, WaveProgress progress) {
}
