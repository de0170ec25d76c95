package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * An EventBridge event pattern made of exact values: each field lists the values it may have, and
 * nested objects match nested fields. Content-filter operators (prefix, anything-but, numeric...)
 * are refused when the pattern is read rather than matched wrongly.
 */
public final class EventPattern {

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /**
     * The pattern, checked.
     *
     * @param where names the pattern in error messages
     * @throws IllegalArgumentException when it is not an object of value lists, or uses an operator
     */
    public static EventPattern of(JsonNode pattern, String where) {
        if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
            throw new IllegalArgumentException(where + ": an event pattern must be a non-empty object");
        }
        check(pattern, where);
        return new EventPattern(pattern.deepCopy());
    }

    /** Whether an event (the envelope EventBridge delivers) matches. */
    public boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event.get(field.getKey());
            if (value == null) {
                return false;
            }
            boolean fieldMatches = field.getValue().isObject()
                    ? value.isObject() && matches(field.getValue(), value)
                    : anyEquals(field.getValue(), value);
            if (!fieldMatches) {
                return false;
            }
        }
        return true;
    }

    /** An array in the event matches when any of its elements is one of the values, as in EventBridge. */
    private static boolean anyEquals(JsonNode allowed, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (anyEquals(allowed, element)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void check(JsonNode pattern, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = where + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value, path);
            } else if (!value.isArray() || value.isEmpty()) {
                throw new IllegalArgumentException(path + ": the local EventBridge matches lists of values; found " + value);
            } else {
                for (JsonNode element : value) {
                    if (element.isContainerNode()) {
                        throw new IllegalArgumentException(path + ": the local EventBridge matches exact values only, not the "
                                + "content filter " + element);
                    }
                }
            }
        }
    }
}
