package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.ChoiceRule;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.asl.StateGraph;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.asl.WaitTime;
import dev.ferry.local.engine.json.Bindings;
import dev.ferry.local.engine.json.IntrinsicFailureException;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.JsonPathException;
import dev.ferry.local.engine.json.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one graph of states (the execution's top level, a Parallel branch or a Map iteration) from its
 * StartAt to a terminal state or an unhandled error, on the scheduler thread. Each transition is queued
 * on the scheduler, so long loops do not grow the stack and concurrent branches interleave.
 */
final class FlowRun {

    private final ExecutionRun run;
    private final StateGraph graph;
    private final Scope scope;
    private final Consumer<Outcome> onDone;
    private volatile long lastEventId;
    private boolean finished;

    FlowRun(ExecutionRun run, StateGraph graph, Scope scope, long previousEventId, Consumer<Outcome> onDone) {
        this.run = run;
        this.graph = graph;
        this.scope = scope;
        this.lastEventId = previousEventId;
        this.onDone = onDone;
    }

    ExecutionRun run() {
        return run;
    }

    Scope scope() {
        return scope;
    }

    long lastEventId() {
        return lastEventId;
    }

    void start(JsonNode input) {
        enter(graph.startAt(), input);
    }

    /** Appends an event that follows this run's previous one. */
    long record(HistoryEventType type, ObjectNode details) {
        long id = run.execution().record(type, lastEventId, details);
        if (id > 0) {
            lastEventId = id;
        }
        return id;
    }

    /** Leaves {@code state} with {@code output}, going to {@code next} or, without one, ending the run. */
    void exit(State state, JsonNode output, Optional<String> next) {
        if (!scope.active()) {
            return;
        }
        try {
            DataFlow.checkSize(output, state.name());
        } catch (StatesException e) {
            fail(e.error());
            return;
        }
        record(HistoryEventType.stateExited(state.type()), Json.object()
                .put("name", state.name()).put("output", Json.write(output)).set("outputDetails", notTruncated()));
        if (next.isPresent()) {
            scope.submit(() -> enter(next.get(), output));
        } else {
            finish(new Outcome.Succeeded(output));
        }
    }

    /** Ends the run with an error that nothing inside it handled. */
    void fail(StatesError error) {
        finish(new Outcome.Failed(error));
    }

    private void enter(String name, JsonNode input) {
        State state = graph.state(name);
        record(HistoryEventType.stateEntered(state.type()), Json.object()
                .put("name", name).put("input", Json.write(input)).set("inputDetails", notTruncated()));
        run.execution().countTransition();
        if (!scope.active()) {
            return;
        }
        StateVisit visit = new StateVisit(this, state, input, run.engine().now());
        try {
            switch (state) {
                case State.Pass pass -> pass(pass, visit);
                case State.Task task -> new TaskStateRun(visit, task).start();
                case State.Choice choice -> choice(choice, visit);
                case State.Wait wait -> waitState(wait, visit);
                case State.Succeed succeed -> succeed(succeed, visit);
                case State.Fail failState -> failState(failState, visit);
                case State.Parallel parallel -> new ParallelStateRun(visit, parallel).start();
                case State.Map map -> new MapStateRun(visit, map).start();
            }
        } catch (StatesException e) {
            fail(e.error());
        }
    }

    private void pass(State.Pass pass, StateVisit visit) {
        JsonNode context = visit.context(0);
        JsonNode effective = DataFlow.select(pass.io().inputPath(), visit.bindings(visit.rawInput(), context));
        JsonNode result = pass.result().<JsonNode>map(JsonNode::deepCopy).orElseGet(() -> pass.parameters()
                .map(template -> DataFlow.evaluate(template, visit.bindings(effective, context)))
                .orElse(effective));
        JsonNode combined = DataFlow.place(pass.resultPath(), visit.rawInput(), result);
        exit(pass, DataFlow.select(pass.io().outputPath(), visit.bindings(combined, context)), pass.next());
    }

    private void choice(State.Choice choice, StateVisit visit) {
        JsonNode context = visit.context(0);
        JsonNode effective = DataFlow.select(choice.io().inputPath(), visit.bindings(visit.rawInput(), context));
        Bindings bindings = visit.bindings(effective, context);
        Optional<String> target = Optional.empty();
        try {
            for (ChoiceRule rule : choice.choices()) {
                if (rule.condition().test(bindings)) {
                    target = Optional.of(rule.next());
                    break;
                }
            }
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME, e.getMessage());
        }
        String next = target.or(choice::defaultNext)
                .orElseThrow(() -> new StatesException(StatesErrors.NO_CHOICE_MATCHED, "No Matches!"));
        exit(choice, DataFlow.select(choice.io().outputPath(), bindings), Optional.of(next));
    }

    private void waitState(State.Wait wait, StateVisit visit) {
        JsonNode context = visit.context(0);
        JsonNode effective = DataFlow.select(wait.io().inputPath(), visit.bindings(visit.rawInput(), context));
        Bindings bindings = visit.bindings(effective, context);
        Instant until = switch (wait.waitTime()) {
            case WaitTime.Seconds seconds -> visit.enteredTime().plusSeconds(seconds.seconds());
            case WaitTime.Timestamp timestamp -> timestamp.instant();
            case WaitTime.SecondsPath path -> visit.enteredTime().plusSeconds(secondsAt(path.path(), bindings));
            case WaitTime.TimestampPath path -> timestampAt(path.path(), bindings);
        };
        JsonNode output = DataFlow.select(wait.io().outputPath(), bindings);
        scope.schedule(until, () -> exit(wait, output, wait.next()));
    }

    private void succeed(State.Succeed succeed, StateVisit visit) {
        JsonNode context = visit.context(0);
        JsonNode effective = DataFlow.select(succeed.io().inputPath(), visit.bindings(visit.rawInput(), context));
        exit(succeed, DataFlow.select(succeed.io().outputPath(), visit.bindings(effective, context)), Optional.empty());
    }

    private void failState(State.Fail failState, StateVisit visit) {
        Bindings bindings = visit.bindings(visit.rawInput(), visit.context(0));
        try {
            String error = failState.error().map(source -> source.resolve(bindings)).orElse(null);
            String cause = failState.cause().map(source -> source.resolve(bindings)).orElse(null);
            fail(new StatesError(error, cause));
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME, e.getMessage());
        } catch (IntrinsicFailureException e) {
            throw new StatesException(StatesErrors.INTRINSIC_FAILURE, e.getMessage());
        }
    }

    private static long secondsAt(JsonPath path, Bindings bindings) {
        JsonNode value = DataFlow.select(Optional.of(path), bindings);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            throw new StatesException(StatesErrors.RUNTIME,
                    "The SecondsPath parameter does not reference a valid non-negative integer: " + value);
        }
        return value.longValue();
    }

    private static Instant timestampAt(JsonPath path, Bindings bindings) {
        JsonNode value = DataFlow.select(Optional.of(path), bindings);
        return Optional.of(value).filter(JsonNode::isTextual).flatMap(v -> Timestamps.parse(v.textValue()))
                .orElseThrow(() -> new StatesException(StatesErrors.RUNTIME,
                        "The TimestampPath parameter does not reference a valid ISO-8601 timestamp: " + value));
    }

    private void finish(Outcome outcome) {
        if (finished || !scope.active()) {
            return;
        }
        finished = true;
        onDone.accept(outcome);
    }

    static ObjectNode notTruncated() {
        return Json.object().put("truncated", false);
    }
}
