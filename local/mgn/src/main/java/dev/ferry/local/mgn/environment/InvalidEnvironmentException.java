package dev.ferry.local.mgn.environment;

import java.util.List;

/** An environment file with problems; {@link #problems()} lists every one, each prefixed by its JSON path. */
public final class InvalidEnvironmentException extends RuntimeException {

    private final List<String> problems;

    InvalidEnvironmentException(List<String> problems) {
        super("Invalid MGN environment (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, e.g. {@code servers[2].disks[0].sizeGiB: must be a positive number}. */
    public List<String> problems() {
        return problems;
    }
}
