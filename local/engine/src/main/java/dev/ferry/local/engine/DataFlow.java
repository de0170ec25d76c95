package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.json.Bindings;
import dev.ferry.local.engine.json.IntrinsicFailureException;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.JsonPathException;
import dev.ferry.local.engine.json.PayloadTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The input and output processing steps of a state, turning path and template failures into the
 * errors Step Functions raises for them.
 */
final class DataFlow {

    /** Step Functions' limit on a state's input, output or a task result: 256 KiB. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private DataFlow() {
    }

    /** Applies an InputPath or OutputPath: {@code null} yields {@code {}}. */
    static JsonNode select(Optional<JsonPath> path, Bindings bindings) {
        if (path.isEmpty()) {
            return Json.object();
        }
        try {
            return path.get().read(bindings);
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME, "Invalid path '" + path.get() + "' : " + e.getMessage());
        }
    }

    /** Applies a ResultPath to the raw input: {@code null} keeps the input and drops the result. */
    static JsonNode place(Optional<JsonPath> resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath.isEmpty()) {
            return rawInput;
        }
        try {
            return resultPath.get().write(rawInput, result);
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME, e.getMessage());
        }
    }

    /** Evaluates a payload template (Parameters, ItemSelector, ResultSelector). */
    static JsonNode evaluate(PayloadTemplate template, Bindings bindings) {
        try {
            return template.evaluate(bindings);
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME, e.getMessage());
        } catch (IntrinsicFailureException e) {
            throw new StatesException(StatesErrors.INTRINSIC_FAILURE, e.getMessage());
        }
    }

    /** Refuses a payload above the service limit. */
    static void checkSize(JsonNode payload, String stateName) {
        int size = Json.write(payload).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PAYLOAD_BYTES) {
            throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + stateName
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
