package dev.ferry.handler;

/** A stage received input it cannot decode: the state machine or a caller sent the wrong shape. */
public class InvalidStageInputException extends RuntimeException {

    public InvalidStageInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
