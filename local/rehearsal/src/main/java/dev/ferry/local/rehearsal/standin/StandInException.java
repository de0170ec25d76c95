package dev.ferry.local.rehearsal.standin;

/** A stand-in application cannot listen where the wave's probes will look. */
public final class StandInException extends RuntimeException {

    public StandInException(String message) {
        super(message);
    }

    public StandInException(String message, Throwable cause) {
        super(message, cause);
    }
}
