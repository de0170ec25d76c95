package dev.ferry.local.rehearsal.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of the environment file, noting each problem with its JSON path instead of
 * stopping at the first, so that the author sees everything wrong with the file at once.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node} at {@code path}, or empty (with a problem noted) when it is not an object. */
    static Optional<JsonFields> of(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(node, path, problems));
    }

    /** Notes every field that is not one of {@code known}: a typo must not be silently ignored. */
    void rejectUnknownFields(String... known) {
        Set<String> allowed = Set.copyOf(Arrays.asList(known));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(path(name) + ": unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** A string matching {@code pattern}; "" (with a problem noted) when absent or wrong. */
    String requiredString(String name, Pattern pattern, String expected) {
        if (!has(name)) {
            problem(name, "is required");
            return "";
        }
        return checkedString(path(name), node.get(name), pattern, expected);
    }

    /** A string matching {@code pattern}, or null when absent. */
    String optionalString(String name, Pattern pattern, String expected) {
        return has(name) ? checkedString(path(name), node.get(name), pattern, expected) : null;
    }

    /** A whole number in a range, or null when absent (or wrong, with a problem noted). */
    Integer optionalInteger(String name, int min, int max) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            problem(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    /** An array of strings each matching {@code pattern}; empty when absent. */
    List<String> stringArray(String name, Pattern pattern, String expected) {
        List<String> strings = new ArrayList<>();
        for (JsonElement element : array(name)) {
            strings.add(checkedString(element.path(), element.node(), pattern, expected));
        }
        return strings;
    }

    /** The objects of an array field; empty when absent. */
    List<JsonFields> objectArray(String name) {
        List<JsonFields> objects = new ArrayList<>();
        for (JsonElement element : array(name)) {
            of(element.node(), element.path(), problems).ifPresent(objects::add);
        }
        return objects;
    }

    /** An optional object field. */
    Optional<JsonFields> optionalObject(String name) {
        return has(name) ? of(node.get(name), path(name), problems) : Optional.empty();
    }

    /** An object of string values (tags); empty when absent. */
    Map<String, String> stringMap(String name, int maxKeyLength, int maxValueLength) {
        Map<String, String> map = new LinkedHashMap<>();
        Optional<JsonFields> object = optionalObject(name);
        if (object.isEmpty()) {
            return map;
        }
        object.get().node.fields().forEachRemaining(entry -> {
            String entryPath = path(name) + "." + entry.getKey();
            if (entry.getKey().isBlank() || entry.getKey().length() > maxKeyLength) {
                problems.add(entryPath + ": a key must have 1 to " + maxKeyLength + " characters");
            }
            if (!entry.getValue().isTextual() || entry.getValue().textValue().length() > maxValueLength) {
                problems.add(entryPath + ": must be a string of at most " + maxValueLength + " characters");
                return;
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        });
        return map;
    }

    /** Notes a problem about one field of this object. */
    void problem(String name, String message) {
        problems.add(path(name) + ": " + message);
    }

    /** The JSON path of a field of this object, e.g. {@code ec2.source.instances[0].subnetId}. */
    String path(String name) {
        return path + "." + name;
    }

    private List<JsonElement> array(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            problem(name, "must be an array");
            return List.of();
        }
        List<JsonElement> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(new JsonElement(value.get(i), path(name) + "[" + i + "]"));
        }
        return elements;
    }

    private String checkedString(String fieldPath, JsonNode value, Pattern pattern, String expected) {
        if (!value.isTextual()) {
            problems.add(fieldPath + ": must be a string");
            return "";
        }
        if (!pattern.matcher(value.textValue()).matches()) {
            problems.add(fieldPath + ": must be " + expected + ", got \"" + value.textValue() + "\"");
        }
        return value.textValue();
    }

    private record JsonElement(JsonNode node, String path) {
    }
}
