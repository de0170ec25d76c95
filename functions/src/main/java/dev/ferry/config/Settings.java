package dev.ferry.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A function's settings: its environment variables when deployed, a map of them in the offline
 * rehearsal (each local function gets the variables template.yaml declares for it, as Lambda
 * would). It remembers which settings were read, so that a test can compare them with the template.
 */
public final class Settings {

    private final UnaryOperator<String> values;
    private final Set<Setting> read = EnumSet.noneOf(Setting.class);

    private Settings(UnaryOperator<String> values) {
        this.values = values;
    }

    /** The process's environment variables. */
    public static Settings fromEnvironment() {
        return new Settings(System::getenv);
    }

    /** These values, by variable name. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings(copy::get);
    }

    /** The setting's value, or empty when it is not set. */
    public Optional<String> find(Setting setting) {
        synchronized (read) {
            read.add(setting);
        }
        return Optional.ofNullable(values.apply(setting.name())).filter(value -> !value.isBlank());
    }

    /** The setting's value; a missing required setting is a deployment error, said plainly. */
    public String require(Setting setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException("Environment variable " + setting
                + " is not set; the stack's template sets it for every function that reads it"));
    }

    /** The settings read so far. */
    public Set<Setting> read() {
        synchronized (read) {
            return EnumSet.copyOf(read);
        }
    }
}
