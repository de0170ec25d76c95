package dev.ferry.local.engine.asl;

import java.util.OptionalInt;

/**
 * A loaded and validated Amazon States Language definition.
 *
 * @param graph the top-level states
 * @param timeoutSeconds the execution time limit, if the definition sets one
 * @param source the definition text as given
 */
public record StateMachineDefinition(StateGraph graph, OptionalInt timeoutSeconds, String source) {

    /**
     * Parses and validates a definition.
     *
     * @throws AslDefinitionException naming the state at fault and the problem
     */
    public static StateMachineDefinition parse(String json) {
        return new DefinitionParser().parse(json);
    }
}
