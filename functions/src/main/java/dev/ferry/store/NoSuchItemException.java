package dev.ferry.store;

/** A store was asked to change a record that is not in the table. */
public class NoSuchItemException extends RuntimeException {

    public NoSuchItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
