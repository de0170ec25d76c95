package dev.ferry.local.engine.asl;

import java.util.Optional;

/** A state machine definition that the engine refuses to load, with the state at fault and why. */
public final class AslDefinitionException extends RuntimeException {

    private final String stateName;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param stateName the state at fault, or {@code null} for a problem with the definition as a whole
     * @param problem what is wrong, in words a definition author can act on
     */
    public AslDefinitionException(String stateName, String problem) {
        super(stateName == null ? "Definition: " + problem : "State '" + stateName + "': " + problem);
        this.stateName = stateName;
        this.problem = problem;
    }

    /** The state at fault, if the problem lies in one state. */
    public Optional<String> stateName() {
        return Optional.ofNullable(stateName);
    }

    /** What is wrong, without the state name. */
    public String problem() {
        return problem;
    }
}
