package dev.ferry.wave;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The wave definition given to an execution is not valid. Thrown before anything touches MGN; the
 * message lists every problem at once, one per line, so that one fix round is enough.
 */
public class InvalidWaveException extends RuntimeException {

    private final List<ValidationProblem> problems;

    public InvalidWaveException(List<ValidationProblem> problems) {
        super(problems.stream().map(ValidationProblem::line).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the definition was read. */
    public List<ValidationProblem> problems() {
        return problems;
    }
}
