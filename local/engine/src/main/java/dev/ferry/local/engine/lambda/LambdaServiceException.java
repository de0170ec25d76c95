package dev.ferry.local.engine.lambda;

/**
 * The Lambda service refused an invocation. The Task fails with the error {@code Lambda.<errorCode>},
 * e.g. {@code Lambda.ResourceNotFoundException}, as in Step Functions.
 */
public final class LambdaServiceException extends RuntimeException {

    private final String errorCode;

    /** Creates the exception with the service's error code (e.g. {@code ResourceNotFoundException}). */
    public LambdaServiceException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The service's error code, without the {@code Lambda.} prefix. */
    public String errorCode() {
        return errorCode;
    }
}
