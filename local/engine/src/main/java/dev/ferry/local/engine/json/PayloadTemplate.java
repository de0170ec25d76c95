package dev.ferry.local.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template ({@code Parameters}, {@code ItemSelector}, {@code ResultSelector}):
 * fields whose names end in {@code .$} take their value from a path or an intrinsic function call,
 * and lose the suffix; every other value is copied as written. Templates nest through objects and
 * arrays.
 */
public final class PayloadTemplate {

    private static final String DYNAMIC_SUFFIX = ".$";

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles {@code template}.
     *
     * @throws IllegalArgumentException naming the first field that is not a valid path or call
     */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(compileNode(template));
    }

    /**
     * Produces the payload.
     *
     * @throws JsonPathException if a path selects nothing
     * @throws IntrinsicFailureException if an intrinsic function fails
     */
    public JsonNode evaluate(Bindings bindings) {
        return root.evaluate(bindings);
    }

    /** True if the template, at its top level, has a field named {@code name} or {@code name.$}. */
    public static boolean hasTopLevelField(JsonNode template, String name) {
        return template.has(name) || template.has(name + DYNAMIC_SUFFIX);
    }

    private static Node compileNode(JsonNode template) {
        if (template.isObject()) {
            List<FieldTemplate> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : template.properties()) {
                fields.add(compileField(field.getKey(), field.getValue()));
            }
            return new ObjectTemplate(fields);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            template.forEach(element -> elements.add(compileNode(element)));
            return new ArrayTemplate(elements);
        }
        return new Constant(template);
    }

    private static FieldTemplate compileField(String key, JsonNode value) {
        if (!key.endsWith(DYNAMIC_SUFFIX)) {
            return new FieldTemplate(key, compileNode(value));
        }
        String name = key.substring(0, key.length() - DYNAMIC_SUFFIX.length());
        if (!value.isTextual()) {
            throw new IllegalArgumentException(
                    "The value of field '" + key + "' must be a path or an intrinsic function call");
        }
        String expression = value.textValue();
        try {
            if (IntrinsicExpression.looksLikeCall(expression)) {
                return new FieldTemplate(name, new CallValue(key, IntrinsicExpression.parse(expression)));
            }
            return new FieldTemplate(name, new PathValue(key, JsonPath.parse(expression)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Field '" + key + "': " + e.getMessage(), e);
        }
    }

    private sealed interface Node permits Constant, ObjectTemplate, ArrayTemplate, PathValue, CallValue {
        JsonNode evaluate(Bindings bindings);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            return value.deepCopy();
        }
    }

    private record FieldTemplate(String name, Node value) {
    }

    private record ObjectTemplate(List<FieldTemplate> fields) implements Node {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            ObjectNode result = Json.object();
            for (FieldTemplate field : fields) {
                result.set(field.name(), field.value().evaluate(bindings));
            }
            return result;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            ArrayNode result = Json.nodes().arrayNode();
            elements.forEach(element -> result.add(element.evaluate(bindings)));
            return result;
        }
    }

    private record PathValue(String key, JsonPath path) implements Node {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            try {
                return path.read(bindings).deepCopy();
            } catch (JsonPathException e) {
                JsonNode document = path.isContextPath() ? bindings.context() : bindings.input();
                throw new JsonPathException("The JSONPath '" + path + "' specified for the field '" + key
                        + "' could not be found in the input '" + Json.write(document) + "'");
            }
        }
    }

    private record CallValue(String key, IntrinsicExpression call) implements Node {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            try {
                return call.evaluate(bindings);
            } catch (JsonPathException e) {
                throw new JsonPathException("The JsonPath argument of the function '" + call
                        + "' for the field '" + key + "' could not be found: " + e.getMessage());
            }
        }
    }
}
