package dev.ferry.wave;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far while reading one wave definition. */
final class Problems {

    private final List<ValidationProblem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new ValidationProblem(path, message));
    }

    /** Throws every problem found, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidWaveException(found);
        }
    }
}
