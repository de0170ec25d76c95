package dev.ferry.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Lambda functions defined by the test, recording every invocation with its virtual time. */
final class FakeLambda implements LambdaInvoker {

    /** One recorded call. */
    record Call(String function, JsonNode payload, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Function<JsonNode, InvocationResult>> functions = new HashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeLambda(Clock clock) {
        this.clock = clock;
    }

    /** Defines (or replaces) a function. */
    FakeLambda define(String name, Function<JsonNode, InvocationResult> body) {
        functions.put(name, body);
        return this;
    }

    /** Defines a function that returns {@code resultJson} whatever the input. */
    FakeLambda returning(String name, String resultJson) {
        return define(name, payload -> InvocationResult.success(resultJson));
    }

    /** Defines a function that echoes its input. */
    FakeLambda echo(String name) {
        return define(name, payload -> InvocationResult.success(Json.write(payload)));
    }

    /** Defines a function that raises {@code errorType} for its first {@code failures} calls, then returns {@code result}. */
    FakeLambda failingTimes(String name, int failures, String errorType, String result) {
        int[] count = {0};
        return define(name, payload -> count[0]++ < failures
                ? InvocationResult.error(errorType, "failure " + count[0])
                : InvocationResult.success(result));
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<Call> callsTo(String function) {
        return calls.stream().filter(call -> call.function().equals(function)).toList();
    }

    @Override
    public InvocationResult invoke(String functionNameOrArn, byte[] payload) {
        JsonNode event;
        try {
            event = Json.parse(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        calls.add(new Call(functionNameOrArn, event, clock.instant()));
        String name = functionNameOrArn.contains(":function:")
                ? functionNameOrArn.substring(functionNameOrArn.indexOf(":function:") + 10).split(":")[0]
                : functionNameOrArn.split(":")[0];
        Function<JsonNode, InvocationResult> function = functions.get(name);
        if (function == null) {
            throw new LambdaServiceException("ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        return function.apply(event);
    }
}
