package dev.ferry.local.rehearsal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS SDK's settings for the handlers' clients, as JVM system properties: credentials and the
 * endpoint properties that send each client to the local cloud. (Ferry's own settings reach each
 * handler in its {@link dev.ferry.config.Settings}.) The SDK reads them when a client is built, so
 * they must be in place before any handler is built. Closing puts back what was there before, for
 * the next rehearsal in the same JVM.
 */
final class HandlerSettings implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private HandlerSettings() {
    }

    /**
     * Sets every property.
     *
     * @throws IllegalStateException when an environment variable of the same name would override a
     *                               setting (the SDK reads the variable first)
     */
    static HandlerSettings apply(Map<String, String> properties) {
        for (String name : properties.keySet()) {
            String variable = System.getenv(name);
            if (variable != null && !variable.isBlank() && !variable.equals(properties.get(name))) {
                throw new IllegalStateException("The environment variable " + name + "=" + variable
                        + " would override the rehearsal's setting " + properties.get(name) + "; unset it");
            }
        }
        HandlerSettings settings = new HandlerSettings();
        properties.forEach((name, value) -> {
            settings.previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        return settings;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
