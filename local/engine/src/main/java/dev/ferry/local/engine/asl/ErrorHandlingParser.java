package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.asl.State.ErrorHandling;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Parses the Retry and Catch fields of Task, Parallel and Map states. */
final class ErrorHandlingParser {

    private static final long MAX_SECONDS = 99_999_999L;
    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    ErrorHandling parse(NodeReader state) {
        List<Retrier> retriers = new ArrayList<>();
        if (state.has("Retry")) {
            JsonNode retry = state.requiredArray("Retry");
            for (int i = 0; i < retry.size(); i++) {
                retriers.add(retrier(state, retry.get(i), i == retry.size() - 1));
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        if (state.has("Catch")) {
            JsonNode catchNode = state.requiredArray("Catch");
            for (int i = 0; i < catchNode.size(); i++) {
                catchers.add(catcher(state, catchNode.get(i), i == catchNode.size() - 1));
            }
        }
        return new ErrorHandling(retriers, catchers);
    }

    private Retrier retrier(NodeReader state, JsonNode node, boolean last) {
        NodeReader reader = new NodeReader(state.stateName(), node, "a retrier");
        reader.allowOnly(RETRIER_FIELDS);
        List<String> errors = errorEquals(reader, last, "retrier");
        String jitter = reader.optionalString("JitterStrategy").orElse("NONE");
        if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
            throw reader.fail("JitterStrategy must be FULL or NONE, got '" + jitter + "'");
        }
        OptionalInt maxDelay = reader.optionalInteger("MaxDelaySeconds", 1, 31_622_400L);
        return new Retrier(errors,
                reader.optionalInteger("IntervalSeconds", 1, MAX_SECONDS).orElse(Retrier.DEFAULT_INTERVAL_SECONDS),
                reader.optionalInteger("MaxAttempts", 0, MAX_SECONDS).orElse(Retrier.DEFAULT_MAX_ATTEMPTS),
                reader.optionalNumber("BackoffRate", 1.0).orElse(Retrier.DEFAULT_BACKOFF_RATE),
                maxDelay, jitter.equals("FULL"));
    }

    private Catcher catcher(NodeReader state, JsonNode node, boolean last) {
        NodeReader reader = new NodeReader(state.stateName(), node, "a catcher");
        reader.allowOnly(CATCHER_FIELDS);
        return new Catcher(errorEquals(reader, last, "catcher"), reader.requiredString("Next"),
                reader.resultPath("ResultPath"));
    }

    private static List<String> errorEquals(NodeReader reader, boolean last, String kind) {
        JsonNode names = reader.requiredArray("ErrorEquals");
        List<String> errors = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw reader.fail("ErrorEquals must list error names as strings");
            }
            String error = name.textValue();
            if (error.startsWith("States.") && !StatesErrors.PREDEFINED.contains(error)) {
                throw reader.fail("ErrorEquals names '" + error + "', which is not a predefined States error");
            }
            errors.add(error);
        }
        if (errors.contains(StatesErrors.ALL) && (errors.size() > 1 || !last)) {
            throw reader.fail("States.ALL must appear alone in ErrorEquals, in the last " + kind);
        }
        return errors;
    }
}
