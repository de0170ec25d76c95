package dev.ferry.dns;

/** Route 53 refused a change batch, e.g. because a record changed since it was read. */
public class DnsChangeRejectedException extends RuntimeException {

    public DnsChangeRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
