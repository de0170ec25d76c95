package dev.ferry.local.engine;

/** Carries a {@link StatesError} out of data-flow code to the state that handles it. */
final class StatesException extends RuntimeException {

    private final StatesError error;

    StatesException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = new StatesError(error, cause);
    }

    StatesError error() {
        return error;
    }
}
