package dev.ferry.dns;

/** The records in Route 53 are not in a shape the DNS switch can move, e.g. no source record. */
public class DnsPlanException extends RuntimeException {

    public DnsPlanException(String message) {
        super(message);
    }
}
