package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.PayloadTemplate;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a definition, reporting every problem against the state that
 * owns the object.
 */
final class NodeReader {

    /** Fields of the States Language that this engine deliberately does not run. */
    private static final Set<String> UNSUPPORTED = Set.of("Assign", "Output", "Arguments", "QueryLanguage",
            "Credentials", "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label",
            "MaxConcurrencyPath");

    private final String stateName;
    private final JsonNode node;
    private final String description;

    NodeReader(String stateName, JsonNode node, String description) {
        this.stateName = stateName;
        this.node = node;
        this.description = description;
        if (!node.isObject()) {
            throw fail(description + " must be a JSON object");
        }
    }

    JsonNode node() {
        return node;
    }

    /** The state the object belongs to; {@code null} at the top level of the definition. */
    String stateName() {
        return stateName;
    }

    AslDefinitionException fail(String problem) {
        return new AslDefinitionException(stateName, problem);
    }

    /** Refuses every field not in {@code allowed}, naming deliberately unsupported ones as such. */
    void allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            if (UNSUPPORTED.contains(name)) {
                throw fail("field '" + name + "' is not supported by the local engine");
            }
            throw fail("unknown field '" + name + "' in " + description);
        }
    }

    boolean has(String field) {
        return node.has(field);
    }

    String requiredString(String field) {
        return optionalString(field)
                .orElseThrow(() -> fail(description + " is missing the required field '" + field + "'"));
    }

    Optional<String> optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw fail("field '" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    OptionalInt optionalInteger(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw fail("field '" + field + "' must be an integer from " + min + " to " + max);
        }
        return OptionalInt.of(value.intValue());
    }

    Optional<Double> optionalNumber(String field, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.asDouble() < min) {
            throw fail("field '" + field + "' must be a number of at least " + min);
        }
        return Optional.of(value.asDouble());
    }

    JsonNode requiredArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw fail("field '" + field + "' must be a non-empty array");
        }
        return value;
    }

    JsonNode requiredObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw fail("field '" + field + "' must be a JSON object");
        }
        return value;
    }

    /** A path field: {@code $} when omitted, empty when {@code null}. */
    Optional<JsonPath> pathOrNull(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.of(JsonPath.ROOT);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(path(field));
    }

    /** A path that must be given as a string. */
    JsonPath path(String field) {
        String text = requiredString(field);
        try {
            return JsonPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail("field '" + field + "': " + e.getMessage());
        }
    }

    /** A ResultPath: like {@link #pathOrNull} but it must name object fields of the input. */
    Optional<JsonPath> resultPath(String field) {
        Optional<JsonPath> path = pathOrNull(field);
        if (path.isPresent() && (path.get().isContextPath() || !path.get().isFieldsOnly())) {
            throw fail("field '" + field + "' must be a reference path of object fields under '$', got '"
                    + path.get() + "'");
        }
        return path;
    }

    Optional<PayloadTemplate> template(String field) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PayloadTemplate.compile(requiredObject(field)));
        } catch (IllegalArgumentException e) {
            throw fail("field '" + field + "': " + e.getMessage());
        }
    }
}
