package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.JsonPathException;
import java.util.TreeSet;

/**
 * A visit to an inline Map state: runs the item processor once per item of ItemsPath, at most
 * MaxConcurrency (and never more than Step Functions' 40) at a time; the result is the array of
 * iteration outputs in item order. The first failing iteration stops the rest and fails the state.
 */
final class MapStateRun extends RecoverableStateRun {

    /** Inline Map runs at most this many iterations at once, whatever MaxConcurrency says. */
    static final int INLINE_CONCURRENCY_LIMIT = 40;

    private final State.Map map;

    MapStateRun(StateVisit visit, State.Map map) {
        super(visit, map.io(), map.results(), map.errors(), map.next());
        this.map = map;
    }

    @Override
    void attempt(Scope scope) {
        ObjectNode context = context();
        JsonNode effective = effectiveInput(context);
        JsonNode items;
        try {
            items = map.itemsPath().read(visit.bindings(effective, context));
        } catch (JsonPathException e) {
            throw new StatesException(StatesErrors.RUNTIME,
                    "Invalid path '" + map.itemsPath() + "' : " + e.getMessage());
        }
        if (!items.isArray()) {
            throw new StatesException(StatesErrors.RUNTIME,
                    "Invalid path '" + map.itemsPath() + "': the Map state's ItemsPath must select an array, got "
                            + items);
        }
        flow().record(HistoryEventType.MAP_STATE_STARTED, Json.object().put("length", items.size()));
        new Iterations(scope, (ArrayNode) items, effective, context).launch();
    }

    /** The iterations of one attempt. */
    private final class Iterations {
        private final Scope scope;
        private final ArrayNode items;
        private final JsonNode effectiveInput;
        private final ObjectNode context;
        private final JsonNode[] outputs;
        private final TreeSet<Integer> running = new TreeSet<>();
        private final int limit;
        private int nextIndex;
        private int completed;
        private boolean failed;

        Iterations(Scope scope, ArrayNode items, JsonNode effectiveInput, ObjectNode context) {
            this.scope = scope;
            this.items = items;
            this.effectiveInput = effectiveInput;
            this.context = context;
            this.outputs = new JsonNode[items.size()];
            this.limit = map.maxConcurrency() == 0
                    ? INLINE_CONCURRENCY_LIMIT
                    : Math.min(map.maxConcurrency(), INLINE_CONCURRENCY_LIMIT);
        }

        void launch() {
            if (items.isEmpty()) {
                flow().record(HistoryEventType.MAP_STATE_SUCCEEDED, null);
                attemptSucceeded(Json.nodes().arrayNode());
                return;
            }
            while (!failed && running.size() < limit && nextIndex < items.size()) {
                startIteration(nextIndex++);
            }
        }

        private void startIteration(int index) {
            JsonNode input;
            try {
                input = iterationInput(index);
            } catch (StatesException e) {
                fail(e.error());
                return;
            }
            long startedId = flow().record(HistoryEventType.MAP_ITERATION_STARTED, iterationDetails(index));
            running.add(index);
            FlowRun iteration = new FlowRun(visit.run(), map.itemProcessor(), scope.child(), startedId,
                    outcome -> finished(index, outcome));
            scope.submit(() -> iteration.start(input));
        }

        private JsonNode iterationInput(int index) {
            JsonNode item = items.get(index);
            if (map.itemSelector().isEmpty()) {
                return item.deepCopy();
            }
            ObjectNode itemContext = context.deepCopy();
            itemContext.putObject("Map").putObject("Item").put("Index", index).set("Value", item);
            return DataFlow.evaluate(map.itemSelector().get(), visit.bindings(effectiveInput, itemContext));
        }

        private void finished(int index, Outcome outcome) {
            running.remove(index);
            switch (outcome) {
                case Outcome.Succeeded succeeded -> {
                    flow().record(HistoryEventType.MAP_ITERATION_SUCCEEDED, iterationDetails(index));
                    outputs[index] = succeeded.output();
                    if (++completed == items.size()) {
                        ArrayNode result = Json.nodes().arrayNode();
                        for (JsonNode output : outputs) {
                            result.add(output);
                        }
                        flow().record(HistoryEventType.MAP_STATE_SUCCEEDED, null);
                        attemptSucceeded(result);
                    } else {
                        launch();
                    }
                }
                case Outcome.Failed failure -> {
                    flow().record(HistoryEventType.MAP_ITERATION_FAILED, iterationDetails(index));
                    fail(failure.error());
                }
            }
        }

        private void fail(StatesError error) {
            failed = true;
            for (int index : running) {
                flow().record(HistoryEventType.MAP_ITERATION_ABORTED, iterationDetails(index));
            }
            running.clear();
            flow().record(HistoryEventType.MAP_STATE_FAILED, null);
            attemptFailed(error);
        }

        private ObjectNode iterationDetails(int index) {
            return Json.object().put("name", map.name()).put("index", index);
        }
    }
}
