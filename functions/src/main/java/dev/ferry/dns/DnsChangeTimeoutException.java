package dev.ferry.dns;

/** A Route 53 change did not reach every name server in the time allowed. */
public class DnsChangeTimeoutException extends RuntimeException {

    public DnsChangeTimeoutException(String message) {
        super(message);
    }
}
