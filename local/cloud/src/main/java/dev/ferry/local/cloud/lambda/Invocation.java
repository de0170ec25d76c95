package dev.ferry.local.cloud.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * One invocation of a local function.
 *
 * @param function     the function's name
 * @param at           when it was invoked, on the rehearsal's clock
 * @param payload      the event, JSON
 * @param output       what it returned (JSON), or null when it raised an error
 * @param errorType    the error's type (the exception's class name), or null when it returned
 * @param errorMessage the error's message, or null
 * @param wallTime     how long it ran in real time
 */
public record Invocation(String function, Instant at, byte[] payload, byte[] output, String errorType,
                         String errorMessage, Duration wallTime) {

    public boolean succeeded() {
        return errorType == null;
    }

    /** The output as text; empty for a failed invocation. */
    public String outputText() {
        return output == null ? "" : new String(output, StandardCharsets.UTF_8);
    }
}
