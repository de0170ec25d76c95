package dev.ferry.mgn;

/**
 * MGN refused a call because an account-wide quota is reached (HTTP 402), for example 200 servers
 * already in active jobs, some of them started by another wave. Nothing was started: the call may
 * succeed once running jobs finish.
 */
public class MgnQuotaExceededException extends RuntimeException {

    public MgnQuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
