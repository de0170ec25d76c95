package dev.ferry.local.engine.json;

/** An intrinsic function was given arguments it cannot work with ({@code States.IntrinsicFailure}). */
public final class IntrinsicFailureException extends RuntimeException {

    /** Creates the exception; the message becomes the error's cause. */
    public IntrinsicFailureException(String message) {
        super(message);
    }
}
