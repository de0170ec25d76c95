package dev.ferry.agent;

/** An instance already has another instance profile than the one Ferry was to give it. */
public class InstanceProfileConflictException extends RuntimeException {

    public InstanceProfileConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
