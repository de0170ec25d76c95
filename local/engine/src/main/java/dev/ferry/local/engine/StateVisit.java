package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.json.Bindings;
import java.time.Instant;

/** One entry into a state: what it received and when, within which run of states. */
record StateVisit(FlowRun flow, State state, JsonNode rawInput, Instant enteredTime) {

    /** The context object ({@code $$}) for this visit. */
    ObjectNode context(int retryCount) {
        return flow.run().contextObject(state.name(), enteredTime, retryCount);
    }

    /** Bindings of {@code input} as {@code $} and {@code context} as {@code $$}. */
    Bindings bindings(JsonNode input, JsonNode context) {
        return new Bindings(input, context, flow.run().engine().random());
    }

    ExecutionRun run() {
        return flow.run();
    }
}
