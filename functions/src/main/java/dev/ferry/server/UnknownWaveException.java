package dev.ferry.server;

/** A stage was asked to work on a wave the store does not know. */
public class UnknownWaveException extends RuntimeException {

    public UnknownWaveException(String waveId) {
        super("No wave with ID " + waveId + " is stored");
    }
}
