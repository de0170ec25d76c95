package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.asl.StateGraph;
import dev.ferry.local.engine.json.Json;
import java.util.List;

/**
 * A visit to a Parallel state: every branch gets the effective input and runs concurrently; the result
 * is the array of branch outputs in branch order. The first failing branch stops the others and fails
 * the state with its error.
 */
final class ParallelStateRun extends RecoverableStateRun {

    private final State.Parallel parallel;

    ParallelStateRun(StateVisit visit, State.Parallel parallel) {
        super(visit, parallel.io(), parallel.results(), parallel.errors(), parallel.next());
        this.parallel = parallel;
    }

    @Override
    void attempt(Scope scope) {
        ObjectNode context = context();
        JsonNode effective = effectiveInput(context);
        JsonNode branchInput = parallel.parameters()
                .map(template -> DataFlow.evaluate(template, visit.bindings(effective, context)))
                .orElse(effective);
        long startedId = flow().record(HistoryEventType.PARALLEL_STATE_STARTED, null);
        new Branches(scope, parallel.branches(), startedId).start(branchInput);
    }

    /** The branches of one attempt and their outputs so far. */
    private final class Branches {
        private final Scope scope;
        private final List<StateGraph> graphs;
        private final long startedId;
        private final JsonNode[] outputs;
        private int remaining;

        Branches(Scope scope, List<StateGraph> graphs, long startedId) {
            this.scope = scope;
            this.graphs = graphs;
            this.startedId = startedId;
            this.outputs = new JsonNode[graphs.size()];
            this.remaining = graphs.size();
        }

        void start(JsonNode input) {
            for (int i = 0; i < graphs.size(); i++) {
                int index = i;
                FlowRun branch = new FlowRun(visit.run(), graphs.get(i), scope.child(), startedId,
                        outcome -> finished(index, outcome));
                scope.submit(() -> branch.start(input.deepCopy()));
            }
        }

        private void finished(int index, Outcome outcome) {
            switch (outcome) {
                case Outcome.Succeeded succeeded -> {
                    outputs[index] = succeeded.output();
                    if (--remaining == 0) {
                        ArrayNode result = Json.nodes().arrayNode();
                        List.of(outputs).forEach(result::add);
                        flow().record(HistoryEventType.PARALLEL_STATE_SUCCEEDED, null);
                        attemptSucceeded(result);
                    }
                }
                case Outcome.Failed failed -> {
                    flow().record(HistoryEventType.PARALLEL_STATE_FAILED, null);
                    attemptFailed(failed.error());
                }
            }
        }
    }
}
