package dev.ferry.local.mgn.environment;

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
 * Reads the fields of one JSON object of the environment file, strictly, for MGN's part and for every other
 * simulated service's section. Each problem is noted as its JSON path, then what is wrong, instead of failing on
 * the first one, so that the author sees everything wrong with the file at once; a value with a problem is
 * replaced by a harmless stand-in so that reading can go on.
 */
public final class ObjectReader {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private ObjectReader(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A reader for {@code node} at {@code path}, or empty (with a problem noted) when it is not an object. */
    public static Optional<ObjectReader> of(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "(root)" : path) + ": must be an object");
            return Optional.empty();
        }
        return Optional.of(new ObjectReader(node, path, problems));
    }

    /**
     * A reader for the top-level section {@code name} of the file's {@code root}: empty when the file has no such
     * section (it is optional) and, with a problem noted, when the section is not an object.
     */
    public static Optional<ObjectReader> section(JsonNode root, String name, List<String> problems) {
        JsonNode section = root == null ? null : root.get(name);
        return isAbsent(section) ? Optional.empty() : of(section, name, problems);
    }

    /** Notes every field that is not one of {@code known}: a typo must not be silently ignored. */
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

    /** A string matching {@code pattern}; "" (with a problem noted) when absent or not a string. */
    public String requiredString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return "";
        }
        return checkedString(fieldPath(name), value, pattern, patternDescription);
    }

    /** A string matching {@code pattern}, or empty when absent. */
    public Optional<String> optionalString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty()
                : Optional.of(checkedString(fieldPath(name), value, pattern, patternDescription));
    }

    /** One of {@code choices}, spelt exactly, or empty when absent (or, with a problem noted, another value). */
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

    /** A constant of {@code type} by its exact name, or empty when absent (or wrong, with a problem noted). */
    public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optionalChoice(name, namesOf(type)).map(constant -> Enum.valueOf(type, constant));
    }

    /** A constant of {@code type} by its exact name, or null (with a problem noted) when absent or wrong. */
    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (!has(name)) {
            problems.add(fieldPath(name) + ": is required");
            return null;
        }
        return optionalEnum(name, type).orElse(null);
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

    public double requiredPositiveNumber(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return 1;
        }
        return checkedPositiveNumber(name, value);
    }

    public Optional<Double> optionalPositiveNumber(String name) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : Optional.of(checkedPositiveNumber(name, value));
    }

    private double checkedPositiveNumber(String name, JsonNode value) {
        if (!value.isNumber() || value.doubleValue() <= 0) {
            problems.add(fieldPath(name) + ": must be a positive number");
            return 1;
        }
        return value.doubleValue();
    }

    public double requiredNumberInRange(String name, double minInclusive, double maxExclusive) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return minInclusive;
        }
        if (!value.isNumber() || value.doubleValue() < minInclusive || value.doubleValue() >= maxExclusive) {
            problems.add(fieldPath(name) + ": must be a number from " + format(minInclusive)
                    + " up to (not including) " + format(maxExclusive));
            return minInclusive;
        }
        return value.doubleValue();
    }

    /** A whole number of at least {@code minimum}; {@code minimum} stands in for a wrong one. */
    public Optional<Integer> optionalIntegerAtLeast(String name, int minimum) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < minimum) {
            problems.add(fieldPath(name) + ": must be a whole number of at least " + minimum);
            return Optional.of(minimum);
        }
        return Optional.of(value.intValue());
    }

    /**
     * A whole number from {@code minimum} to {@code maximum}, both included; {@code minimum} stands in for a wrong
     * one.
     */
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

    /**
     * The strings of an array field, each checked against {@code pattern}; a missing array is noted when
     * {@code required}. A wrong element keeps its place (as "" when it is no string), so that indices stay those
     * of the file.
     */
    public List<String> stringArray(String name, boolean required, boolean mayBeEmpty, Pattern pattern,
                                    String patternDescription) {
        List<String> strings = new ArrayList<>();
        for (Element element : elements(name, required, mayBeEmpty)) {
            strings.add(checkedString(element.path(), element.node(), pattern, patternDescription));
        }
        return strings;
    }

    /** Readers for the objects of an array field; a missing array is noted when {@code required}. */
    public List<ObjectReader> objectArray(String name, boolean required, boolean mayBeEmpty) {
        List<ObjectReader> readers = new ArrayList<>();
        for (Element element : elements(name, required, mayBeEmpty)) {
            of(element.node(), element.path(), problems).ifPresent(readers::add);
        }
        return readers;
    }

    /** A reader for an optional object field. */
    public Optional<ObjectReader> optionalObject(String name) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : of(value, fieldPath(name), problems);
    }

    /** An object field of string values (tags, say), in the file's order; empty when absent. */
    public Map<String, String> stringMap(String name, int maxKeyLength, int maxValueLength) {
        Map<String, String> map = new LinkedHashMap<>();
        optionalObject(name).ifPresent(object -> object.node.fields().forEachRemaining(entry -> {
            String entryPath = fieldPath(name) + "." + entry.getKey();
            if (entry.getKey().isBlank() || entry.getKey().length() > maxKeyLength) {
                problems.add(entryPath + ": a key must have 1 to " + maxKeyLength + " characters");
            }
            if (!entry.getValue().isTextual() || entry.getValue().textValue().length() > maxValueLength) {
                problems.add(entryPath + ": must be a string of at most " + maxValueLength + " characters");
                return;
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }));
        return map;
    }

    /** Notes a problem about one field of this object. */
    public void problem(String name, String message) {
        problems.add(fieldPath(name) + ": " + message);
    }

    /** The JSON path of a field of this object, e.g. {@code route53.hostedZones[0].id}. */
    public String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private List<Element> elements(String name, boolean required, boolean mayBeEmpty) {
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
        if (!mayBeEmpty && value.isEmpty()) {
            problems.add(fieldPath(name) + ": must not be empty");
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), fieldPath(name) + "[" + i + "]"));
        }
        return elements;
    }

    private String checkedString(String valuePath, JsonNode value, Pattern pattern, String patternDescription) {
        if (!value.isTextual()) {
            problems.add(valuePath + ": must be a string");
            return "";
        }
        if (!pattern.matcher(value.textValue()).matches()) {
            problems.add(valuePath + ": must be " + patternDescription + ", got \"" + value.textValue() + "\"");
        }
        return value.textValue();
    }

    private static <E extends Enum<E>> List<String> namesOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    /** One element of an array field with its JSON path. */
    private record Element(JsonNode node, String path) {
    }
}
