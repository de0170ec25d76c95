package dev.ferry.agent;

/** Run Command refused an instance that Systems Manager does not manage (or that is not online). */
public class InstanceNotManagedException extends RuntimeException {

    public InstanceNotManagedException(String message, Throwable cause) {
        super(message, cause);
    }
}
