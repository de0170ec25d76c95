package dev.ferry.local.mgn.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a request member per the MGN service model, able to check a JSON value against it. Only the
 * constraints the model states are checked: type, length or size, pattern, enum, range, required members.
 */
public sealed interface WireType {

    /** Adds a violation for every way {@code value} (never null) breaks this shape. */
    void check(JsonNode value, String path, List<FieldViolation> violations);

    static WireString string() {
        return new WireString(0, Integer.MAX_VALUE, null, Set.of());
    }

    static WireString string(int minLength, int maxLength) {
        return new WireString(minLength, maxLength, null, Set.of());
    }

    static WireString pattern(String regex, int minLength, int maxLength) {
        return new WireString(minLength, maxLength, Pattern.compile(regex), Set.of());
    }

    static WireString oneOf(String... values) {
        return new WireString(0, Integer.MAX_VALUE, null, Set.of(values));
    }

    static WireBoolean bool() {
        return new WireBoolean();
    }

    static WireInteger integer(long min, long max) {
        return new WireInteger(min, max);
    }

    static WireList list(WireType element, int minSize, int maxSize) {
        return new WireList(element, minSize, maxSize);
    }

    static WireMap map(WireString key, WireType value, int maxSize) {
        return new WireMap(key, value, maxSize);
    }

    /** A structure; {@code members} maps each member name to its shape, {@code required} names the required ones. */
    static WireStructure structure(Map<String, WireType> members, String... required) {
        return new WireStructure(members, Set.of(required));
    }

    /** Appends {@code member} to a path, leaving it bare at the top level. */
    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** A string, optionally bounded in length and restricted to a pattern or a set of values. */
    record WireString(int minLength, int maxLength, Pattern pattern, Set<String> values) implements WireType {
        @Override
        public void check(JsonNode value, String path, List<FieldViolation> violations) {
            if (!value.isTextual()) {
                violations.add(new FieldViolation(path, "must be a string"));
                return;
            }
            String text = value.textValue();
            if (text.length() < minLength || text.length() > maxLength) {
                violations.add(new FieldViolation(path, "must have length between " + minLength + " and "
                        + maxLength));
            } else if (pattern != null && !pattern.matcher(text).matches()) {
                violations.add(new FieldViolation(path, "must satisfy regular expression pattern: "
                        + pattern.pattern()));
            } else if (!values.isEmpty() && !values.contains(text)) {
                violations.add(new FieldViolation(path, "must satisfy enum value set: "
                        + values.stream().sorted().toList()));
            }
        }
    }

    /** A JSON boolean. */
    record WireBoolean() implements WireType {
        @Override
        public void check(JsonNode value, String path, List<FieldViolation> violations) {
            if (!value.isBoolean()) {
                violations.add(new FieldViolation(path, "must be a boolean"));
            }
        }
    }

    /** A whole number in a range. */
    record WireInteger(long min, long max) implements WireType {
        @Override
        public void check(JsonNode value, String path, List<FieldViolation> violations) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                violations.add(new FieldViolation(path, "must be a whole number"));
            } else if (value.longValue() < min || value.longValue() > max) {
                violations.add(new FieldViolation(path, "must be between " + min + " and " + max));
            }
        }
    }

    /** A JSON array of one element shape, bounded in size. */
    record WireList(WireType element, int minSize, int maxSize) implements WireType {
        @Override
        public void check(JsonNode value, String path, List<FieldViolation> violations) {
            if (!value.isArray()) {
                violations.add(new FieldViolation(path, "must be a list"));
                return;
            }
            if (value.size() < minSize || value.size() > maxSize) {
                violations.add(new FieldViolation(path, "must have between " + minSize + " and " + maxSize
                        + " members, got " + value.size()));
            }
            for (int i = 0; i < value.size(); i++) {
                checkPresent(element, value.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    /** A JSON object used as a map, with shaped keys and values. */
    record WireMap(WireString key, WireType value, int maxSize) implements WireType {
        @Override
        public void check(JsonNode node, String path, List<FieldViolation> violations) {
            if (!node.isObject()) {
                violations.add(new FieldViolation(path, "must be a map"));
                return;
            }
            if (node.size() > maxSize) {
                violations.add(new FieldViolation(path, "must have at most " + maxSize + " entries"));
            }
            node.properties().forEach(entry -> {
                String entryPath = path + "[" + entry.getKey() + "]";
                key.check(TextNode.valueOf(entry.getKey()), entryPath,
                        violations);
                checkPresent(value, entry.getValue(), entryPath, violations);
            });
        }
    }

    /** A structure: known members only, required members present. */
    record WireStructure(Map<String, WireType> members, Set<String> required) implements WireType {
        @Override
        public void check(JsonNode value, String path, List<FieldViolation> violations) {
            if (!value.isObject()) {
                violations.add(new FieldViolation(path.isEmpty() ? "(body)" : path, "must be an object"));
                return;
            }
            value.properties().forEach(entry -> {
                WireType member = members.get(entry.getKey());
                String memberPath = join(path, entry.getKey());
                if (member == null) {
                    violations.add(new FieldViolation(memberPath, "is not a member of this request "
                            + "(unknown field)"));
                } else if (!entry.getValue().isNull()) {
                    member.check(entry.getValue(), memberPath, violations);
                }
            });
            required.stream().sorted().filter(name -> !value.hasNonNull(name)).forEach(name ->
                    violations.add(new FieldViolation(join(path, name), "is required but missing")));
        }
    }

    private static void checkPresent(WireType type, JsonNode value, String path, List<FieldViolation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new FieldViolation(path, "must not be null"));
        } else {
            type.check(value, path, violations);
        }
    }
}
