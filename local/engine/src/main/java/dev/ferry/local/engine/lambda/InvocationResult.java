package dev.ferry.local.engine.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The outcome of one Lambda invocation: a JSON result, or an error the function raised. */
public sealed interface InvocationResult {

    /** The function returned normally. */
    record Success(byte[] payload) implements InvocationResult {
        /** Creates the result; {@code payload} is UTF-8 JSON. */
        public Success {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * The function raised an error. For Java functions {@code errorType} is the exception's fully
     * qualified class name, which Retry and Catch match on.
     */
    record FunctionError(String errorType, String errorMessage) implements InvocationResult {
        /** Creates the result. */
        public FunctionError {
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /** A successful result from JSON text. */
    static InvocationResult success(String json) {
        return new Success(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A function error. */
    static InvocationResult error(String errorType, String errorMessage) {
        return new FunctionError(errorType, errorMessage);
    }
}
