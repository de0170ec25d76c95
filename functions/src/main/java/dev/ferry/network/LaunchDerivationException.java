package dev.ferry.network;

/** A launch setting the wave leaves out cannot be derived from the source instance. */
public class LaunchDerivationException extends RuntimeException {

    public LaunchDerivationException(String message) {
        super(message);
    }
}
