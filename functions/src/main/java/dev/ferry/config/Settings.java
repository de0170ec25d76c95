package dev.ferry.config;

import java.util.Optional;

/**
 * Deployment settings, read from the function's environment variables. A JVM system property of
 * the same name is consulted when the variable is absent, so that the offline rehearsal can run
 * the same handler classes in one process without changing their environment.
 */
public final class Settings {

    private Settings() {
    }

    /** The setting's value, or empty when it is set nowhere. */
    public static Optional<String> find(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** The setting's value; a missing required setting is a deployment error, said plainly. */
    public static String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; the stack's template sets it for every function"));
    }
}
