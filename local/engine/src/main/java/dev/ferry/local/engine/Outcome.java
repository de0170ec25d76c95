package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How a run of states (the execution, a Parallel branch, a Map iteration) ended. */
sealed interface Outcome {

    /** It reached a terminal state; {@code output} is that state's output. */
    record Succeeded(JsonNode output) implements Outcome {
    }

    /** An error nothing inside the run handled. */
    record Failed(StatesError error) implements Outcome {
    }
}
