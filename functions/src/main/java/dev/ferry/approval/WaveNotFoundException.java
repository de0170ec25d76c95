package dev.ferry.approval;

/** An approval was requested for a wave the store does not know. */
public class WaveNotFoundException extends RuntimeException {

    public WaveNotFoundException(String waveId) {
        super("No wave " + waveId + " in the store");
    }
}
