package dev.ferry.local.cloud.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of an environment file's service section, noting every
 * problem with its JSON path instead of stopping at the first, so that the author of the file sees
 * all that is wrong with it at once. A value with a problem is replaced by a harmless stand-in so
 * that reading can go on.
 */
public final class SectionReader {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private SectionReader(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A reader of {@code node} at {@code path}, or empty (with a problem noted) when it is not an object. */
    public static Optional<SectionReader> of(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "(root)" : path) + ": must be an object");
            return Optional.empty();
        }
        return Optional.of(new SectionReader(node, path, problems));
    }

    /** Notes every field that is not one of {@code known}: a misspelt field must not be silently ignored. */
    public void rejectUnknownFields(String... known) {
        Set<String> allowed = Set.copyOf(Arrays.asList(known));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(fieldPath(name) + ": unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    /** Whether the field is present with a value other than null. */
    public boolean has(String name) {
        return !isAbsent(node.get(name));
    }

    public String requiredString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return "";
        }
        return checkedString(name, value, pattern, patternDescription);
    }

    public Optional<String> optionalString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : Optional.of(checkedString(name, value, pattern, patternDescription));
    }

    /** One of {@code choices}, spelt exactly. */
    public Optional<String> optionalChoice(String name, List<String> choices) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (value.isTextual() && choices.contains(value.textValue())) {
            return Optional.of(value.textValue());
        }
        problems.add(fieldPath(name) + ": must be one of " + String.join(", ", choices));
        return Optional.empty();
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            problems.add(fieldPath(name) + ": must be true or false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    /** A whole number from {@code minimum} to {@code maximum}, both included. */
    public Optional<Long> optionalWholeNumber(String name, long minimum, long maximum) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < minimum
                || value.longValue() > maximum) {
            problems.add(fieldPath(name) + ": must be a whole number from " + minimum + " to " + maximum);
            return Optional.of(minimum);
        }
        return Optional.of(value.longValue());
    }

    /** The strings of an array field; a missing array is noted when {@code required}. */
    public List<String> stringArray(String name, boolean required, boolean mayBeEmpty) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            if (required) {
                problems.add(fieldPath(name) + ": is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(fieldPath(name) + ": must be an array of strings");
            return List.of();
        }
        if (!mayBeEmpty && value.isEmpty()) {
            problems.add(fieldPath(name) + ": must not be empty");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual() && !element.textValue().isBlank()) {
                strings.add(element.textValue());
            } else {
                problems.add(fieldPath(name) + "[" + i + "]: must be a non-blank string");
            }
        }
        return strings;
    }

    /** Readers of the objects of an array field; a missing array is noted when {@code required}. */
    public List<SectionReader> objectArray(String name, boolean required) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            if (required) {
                problems.add(fieldPath(name) + ": is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(fieldPath(name) + ": must be an array");
            return List.of();
        }
        List<SectionReader> readers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            of(value.get(i), fieldPath(name) + "[" + i + "]", problems).ifPresent(readers::add);
        }
        return readers;
    }

    /** A reader of an optional object field. */
    public Optional<SectionReader> optionalObject(String name) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : of(value, fieldPath(name), problems);
    }

    /** Notes a problem about one field of this object. */
    public void problem(String name, String message) {
        problems.add(fieldPath(name) + ": " + message);
    }

    /** The JSON path of a field of this object, e.g. {@code route53.hostedZones[0].id}. */
    public String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String checkedString(String name, JsonNode value, Pattern pattern, String patternDescription) {
        if (!value.isTextual()) {
            problems.add(fieldPath(name) + ": must be a string");
            return "";
        }
        if (!pattern.matcher(value.textValue()).matches()) {
            problems.add(fieldPath(name) + ": must be " + patternDescription + ", got \"" + value.textValue() + "\"");
        }
        return value.textValue();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }
}
