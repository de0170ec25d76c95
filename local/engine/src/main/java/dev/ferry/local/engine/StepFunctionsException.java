package dev.ferry.local.engine;

/** A request the engine refuses the way the Step Functions service would, with the same error code. */
public final class StepFunctionsException extends RuntimeException {

    private final StepFunctionsError error;

    /** Creates the exception. */
    public StepFunctionsException(StepFunctionsError error, String message) {
        super(message);
        this.error = error;
    }

    /** The Step Functions error code. */
    public StepFunctionsError error() {
        return error;
    }
}
