package dev.ferry.local.rehearsal;

import java.util.List;

/**
 * The rehearsal's input cannot be used: a file that cannot be read or is not JSON, a wave that
 * fails validation, an invalid environment. Every problem is listed, each naming its file and field.
 */
public final class InvalidInputException extends RuntimeException {

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, e.g. {@code events/wave.json: servers[0].sourceServerId: must be ...}. */
    public List<String> problems() {
        return problems;
    }
}
