package dev.ferry.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.json.Json;

import java.util.Optional;

/**
 * An error the state machine caught and passed on: {@code {"Error": name, "Cause": text}}. A Lambda
 * function's exception arrives with a Cause that is itself JSON ({@code errorMessage},
 * {@code errorType}, {@code stackTrace}); only its message is worth showing to people.
 *
 * @param name  the error name (an exception's class name, or a name such as {@code ApprovalRejected})
 * @param cause the readable cause, or null
 */
public record CaughtError(String name, String cause) {

    private static final int MAX_CAUSE = 1000;

    /** The error in a state's {@code error} field, or empty when there is none. */
    public static Optional<CaughtError> from(JsonNode error) {
        if (error == null || !error.isObject()) {
            return Optional.empty();
        }
        String name = text(error.get("Error"));
        String cause = readable(text(error.get("Cause")));
        if (name == null && cause == null) {
            return Optional.empty();
        }
        return Optional.of(new CaughtError(name, cause));
    }

    /** "name: cause", or whichever of the two is known. */
    public String describe() {
        if (name == null) {
            return cause;
        }
        return cause == null ? name : name + ": " + cause;
    }

    private static String readable(String cause) {
        if (cause == null) {
            return null;
        }
        String message = lambdaErrorMessage(cause).orElse(cause).strip();
        if (message.isEmpty()) {
            return null;
        }
        return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE - 1) + "…";
    }

    private static Optional<String> lambdaErrorMessage(String cause) {
        if (!cause.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(text(Json.mapper().readTree(cause).get("errorMessage")));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
