package dev.ferry.waits;

/**
 * The event router was given something that is not an MGN event it understands. Thrown rather
 * than ignored so that EventBridge retries it and finally dead-letters it, where people can see it.
 */
public class InvalidMgnEventException extends RuntimeException {

    public InvalidMgnEventException(String message) {
        super(message);
    }
}
