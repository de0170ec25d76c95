package dev.ferry.stage;

/** The input of a stage that needs nothing but the wave. */
public record WaveRef(String waveId) {
}
