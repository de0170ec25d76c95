package dev.ferry.local.engine.api;

/** A request the API refuses before it reaches the engine: unknown operation, unreadable body. */
final class ApiException extends RuntimeException {

    private final String errorType;

    ApiException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    String errorType() {
        return errorType;
    }
}
