package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.json.Json;

/**
 * An error raised inside an execution: a name that Retry and Catch match on (which may be
 * {@code null} when SendTaskFailure names none) and a cause.
 */
record StatesError(String error, String cause) {

    /** The output a catcher passes on: {@code {"Error": ..., "Cause": ...}}. */
    ObjectNode toCatcherOutput() {
        ObjectNode output = Json.object();
        if (error != null) {
            output.put("Error", error);
        }
        if (cause != null) {
            output.put("Cause", cause);
        }
        return output;
    }
}
