package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the fields of one JSON object in a wave definition. A field of the wrong type is
 * recorded as a problem and read as absent, so that reading goes on and every problem is found in
 * one pass. A field set to JSON {@code null} counts as absent.
 */
final class ObjectFields {

    /** How far a misspelt field name may be from a known one to be suggested (edits). */
    private static final int SUGGESTION_DISTANCE = 2;

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    private ObjectFields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /**
     * The fields of {@code node}, or null (with a problem recorded) when it is not an object.
     * Fields that are not in {@code knownFields} are recorded as problems, with the closest
     * known name suggested, so that a typo never silently drops a setting.
     */
    static ObjectFields of(JsonNode node, String path, Problems problems, List<String> knownFields) {
        if (!node.isObject()) {
            problems.add(path, "must be an object, not " + describe(node));
            return null;
        }
        ObjectFields fields = new ObjectFields(node, path, problems);
        fields.reportUnknown(knownFields);
        return fields;
    }

    /** The path of one of this object's fields. */
    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** A string field, or null when absent or not a string. */
    String text(String field) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(pathOf(field), "must be a string, not " + describe(value));
            return null;
        }
        return value.asText();
    }

    /** A string field that must be there. */
    String requiredText(String field) {
        if (!has(field)) {
            problems.add(pathOf(field), "is required");
            return null;
        }
        return text(field);
    }

    /** A whole-number field, or null when absent or not a whole number. */
    Long wholeNumber(String field) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(pathOf(field), "must be a whole number, not " + describe(value));
            return null;
        }
        return value.asLong();
    }

    /** A whole number between {@code min} and {@code max} ({@code unit} names them), or null when absent or invalid. */
    Long wholeNumberWithin(String field, long min, long max, String unit) {
        Long value = wholeNumber(field);
        if (value != null && (value < min || value > max)) {
            problems.add(pathOf(field), "must be between " + min + " and " + max + unit + ", not " + value);
            return null;
        }
        return value;
    }

    /** A true/false field, or null when absent or not a boolean. */
    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(pathOf(field), "must be true or false, not " + describe(value));
            return null;
        }
        return value.asBoolean();
    }

    /** A string field that must be one of {@code allowed}, or null when absent or invalid. */
    String oneOf(String field, List<String> allowed) {
        String value = text(field);
        if (value != null && !allowed.contains(value)) {
            problems.add(pathOf(field), quote(value) + " is not one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    /** A nested object, or null when absent or not an object. */
    ObjectFields object(String field, List<String> knownFields) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        return of(value, pathOf(field), problems, knownFields);
    }

    /** The elements of an array field, or null when absent or not an array. */
    List<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(pathOf(field), "must be an array, not " + describe(value));
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** An array of strings; elements that are not strings are recorded and left out. Null when absent or not an array. */
    List<String> texts(String field) {
        List<JsonNode> elements = array(field);
        if (elements == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (element.isTextual()) {
                texts.add(element.asText());
            } else {
                problems.add(pathOf(field) + "[" + i + "]", "must be a string, not " + describe(element));
            }
        }
        return texts;
    }

    /** An object whose values are all strings, in document order; null when absent or not an object. */
    Map<String, String> textMap(String field) {
        JsonNode value = node.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(pathOf(field), "must be an object of names to strings, not " + describe(value));
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isTextual()) {
                map.put(entry.getKey(), entry.getValue().asText());
            } else {
                problems.add(keyPath(pathOf(field), entry.getKey()),
                        "must be a string, not " + describe(entry.getValue()));
            }
        }
        return map;
    }

    /** The path of a map entry whose key may hold any character. */
    static String keyPath(String mapPath, String key) {
        return mapPath + "[" + quote(key) + "]";
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }

    /** What a JSON value is, for "must be X, not Y" messages. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string (" + quote(value.asText()) + ")";
            case NUMBER -> value.isIntegralNumber() ? "the number " + value.asText() : "a decimal number (" + value.asText() + ")";
            case BOOLEAN -> value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    private void reportUnknown(List<String> knownFields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                String hint = closest(name, knownFields);
                problems.add(pathOf(name), "unknown field" + (hint == null ? "" : " (did you mean " + quote(hint) + "?)")
                        + "; known fields: " + String.join(", ", knownFields));
            }
        }
    }

    private static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = SUGGESTION_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
