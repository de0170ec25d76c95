package dev.ferry.local.mgn.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object of the environment file, collecting problems instead of failing on the
 * first one so that the author sees everything wrong with the file at once.
 */
final class ObjectReader {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    private ObjectReader(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** A reader for {@code node} at {@code path}, or empty (with a problem noted) when it is not an object. */
    static Optional<ObjectReader> of(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(describe(path) + "must be an object");
            return Optional.empty();
        }
        return Optional.of(new ObjectReader(node, path, problems));
    }

    /** Notes every field that is not one of {@code known}: a typo must not be silently ignored. */
    void rejectUnknownFields(String... known) {
        Set<String> allowed = Set.copyOf(Arrays.asList(known));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(fieldPath(name) + ": unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    String requiredString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return "";
        }
        return checkedString(name, value, pattern, patternDescription);
    }

    Optional<String> optionalString(String name, Pattern pattern, String patternDescription) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty()
                : Optional.of(checkedString(name, value, pattern, patternDescription));
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

    <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : Optional.ofNullable(checkedEnum(name, value, type));
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return null;
        }
        return checkedEnum(name, value, type);
    }

    private <E extends Enum<E>> E checkedEnum(String name, JsonNode value, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value.isTextual() && names.contains(value.textValue())) {
            return Enum.valueOf(type, value.textValue());
        }
        problems.add(fieldPath(name) + ": must be one of " + String.join(", ", names));
        return null;
    }

    boolean optionalBoolean(String name, boolean defaultValue) {
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

    double requiredPositiveNumber(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            problems.add(fieldPath(name) + ": is required");
            return 1;
        }
        return checkedPositiveNumber(name, value);
    }

    Optional<Double> optionalPositiveNumber(String name) {
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

    double requiredNumberInRange(String name, double minInclusive, double maxExclusive) {
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

    Optional<Integer> optionalIntegerAtLeast(String name, int minimum) {
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

    /** Readers for the objects of an array field; a missing array is noted when {@code required}. */
    List<ObjectReader> objectArray(String name, boolean required, boolean mayBeEmpty) {
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
        List<ObjectReader> readers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            of(value.get(i), fieldPath(name) + "[" + i + "]", problems).ifPresent(readers::add);
        }
        return readers;
    }

    /** A reader for an optional object field. */
    Optional<ObjectReader> optionalObject(String name) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? Optional.empty() : of(value, fieldPath(name), problems);
    }

    /** Whether the field is present with a non-null value. */
    boolean has(String name) {
        return !isAbsent(node.get(name));
    }

    /** Notes a problem about one field of this object. */
    void problem(String name, String message) {
        problems.add(fieldPath(name) + ": " + message);
    }

    String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static String describe(String path) {
        return path.isEmpty() ? "(root): " : path + ": ";
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
