package dev.ferry.stage.preflight;

import java.util.List;

/**
 * MGN is not ready for the wave: servers that cannot be found or cannot be moved now, or a region
 * that lacks what replication needs. Thrown before the wave changes anything it would have to undo;
 * the message lists every problem, one per line, each naming the server and why.
 */
public class PreflightException extends RuntimeException {

    private final List<String> problems;

    public PreflightException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
