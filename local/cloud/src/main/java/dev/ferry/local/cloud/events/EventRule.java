package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@code EventBridgeRule} event of a function: events matching {@code pattern} invoke it.
 *
 * @param name     the rule's name (the function's logical ID and the event's name, as SAM names it)
 * @param pattern  the event pattern
 * @param function the logical ID of the target function
 */
public record EventRule(String name, EventPattern pattern, String function) {

    /** Whether an event envelope matches the rule. */
    public boolean matches(JsonNode envelope) {
        return pattern.matches(envelope);
    }
}
