package dev.ferry.mgn;

/**
 * MGN refused a call because of the server's or job's current state (HTTP 409), for example a
 * server already in an active job. Callers decide from current MGN state whether that means
 * "already done".
 */
public class MgnConflictException extends RuntimeException {

    public MgnConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
