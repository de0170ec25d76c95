package dev.ferry.local.engine.asl;

import dev.ferry.local.engine.json.JsonPath;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a Catch field: the error output {@code {"Error","Cause"}} is placed into the state's
 * raw input at {@code resultPath} (empty: the input passes unchanged) and execution goes to
 * {@code next}.
 */
public record Catcher(List<String> errorEquals, String next, Optional<JsonPath> resultPath) {

    /** Creates the catcher. */
    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
