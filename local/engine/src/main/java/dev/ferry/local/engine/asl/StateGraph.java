package dev.ferry.local.engine.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of states and the one to start at: the top level of a state machine, a Parallel branch or a
 * Map item processor.
 */
public record StateGraph(String startAt, Map<String, State> states) {

    /** Creates the graph; {@code states} keeps its order. */
    public StateGraph {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** The state named {@code name}; the parser has already checked that every transition resolves. */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("No state named '" + name + "'");
        }
        return state;
    }
}
