package dev.ferry.local.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSONPath subset that Step Functions paths use: a root ({@code $} for the input, {@code $$} for
 * the context object) followed by {@code .field}, {@code ['field']}, {@code [index]}, {@code [*]} and
 * {@code .*} steps. Deep scans, filters, slices and unions are refused when parsing.
 */
public final class JsonPath {

    /** {@code $}: the whole document. */
    public static final JsonPath ROOT = parse("$");

    private final String text;
    private final boolean contextPath;
    private final List<Step> steps;

    private JsonPath(String text, boolean contextPath, List<Step> steps) {
        this.text = text;
        this.contextPath = contextPath;
        this.steps = List.copyOf(steps);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming what is wrong with the path
     */
    public static JsonPath parse(String text) {
        return new Parser(Objects.requireNonNull(text, "path")).parse();
    }

    /** True if {@code $$} is the root, i.e. the path reads the context object. */
    public boolean isContextPath() {
        return contextPath;
    }

    /** True if the path selects at most one node (no wildcard). */
    public boolean isDefinite() {
        return steps.stream().noneMatch(step -> step instanceof Wildcard);
    }

    /** True if every step names an object field, as a path that places a result must. */
    public boolean isFieldsOnly() {
        return steps.stream().allMatch(step -> step instanceof Field);
    }

    /**
     * Reads the node the path selects from {@code bindings}; a path with a wildcard yields an array of
     * every match.
     *
     * @throws JsonPathException if a definite path selects nothing
     */
    public JsonNode read(Bindings bindings) {
        return read(contextPath ? bindings.context() : bindings.input());
    }

    /** Reads from {@code document}, ignoring which root the path names. */
    public JsonNode read(JsonNode document) {
        List<JsonNode> current = List.of(document);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                step.select(node, next);
            }
            if (next.isEmpty() && isDefinite()) {
                throw new JsonPathException("No results for path: " + text);
            }
            current = next;
        }
        if (isDefinite()) {
            return current.getFirst();
        }
        ArrayNode matches = Json.nodes().arrayNode();
        current.forEach(matches::add);
        return matches;
    }

    /** True if a definite path selects a node in {@code bindings}. */
    public boolean isPresentIn(Bindings bindings) {
        try {
            read(bindings);
            return true;
        } catch (JsonPathException e) {
            return false;
        }
    }

    /**
     * Returns a copy of {@code document} with {@code value} placed where the path points, creating
     * missing objects on the way; {@code $} replaces the whole document.
     *
     * @throws JsonPathException if a step meets something that is not an object
     * @throws IllegalStateException if the path has steps other than fields
     */
    public JsonNode write(JsonNode document, JsonNode value) {
        if (!isFieldsOnly()) {
            throw new IllegalStateException("Only field paths can place a value: " + text);
        }
        if (steps.isEmpty()) {
            return value;
        }
        if (!document.isObject()) {
            throw new JsonPathException("Unable to apply ReferencePath " + text + " to input " + Json.write(document));
        }
        ObjectNode copy = (ObjectNode) document.deepCopy();
        ObjectNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            String name = ((Field) steps.get(i)).name();
            JsonNode child = parent.get(name);
            if (child == null || child.isNull()) {
                child = parent.putObject(name);
            } else if (!child.isObject()) {
                throw new JsonPathException(
                        "Unable to apply ReferencePath " + text + " to input " + Json.write(document));
            }
            parent = (ObjectNode) child;
        }
        parent.set(((Field) steps.getLast()).name(), value);
        return copy;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private sealed interface Step permits Field, Index, Wildcard {
        void select(JsonNode node, List<JsonNode> into);
    }

    private record Field(String name) implements Step {
        @Override
        public void select(JsonNode node, List<JsonNode> into) {
            if (node.isObject() && node.has(name)) {
                into.add(node.get(name));
            }
        }
    }

    private record Index(int index) implements Step {
        @Override
        public void select(JsonNode node, List<JsonNode> into) {
            if (node.isArray() && index < node.size()) {
                into.add(node.get(index));
            }
        }
    }

    private record Wildcard() implements Step {
        @Override
        public void select(JsonNode node, List<JsonNode> into) {
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(into::add);
            }
        }
    }

    /** A hand-written parser: the grammar is small and the error messages matter. */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        JsonPath parse() {
            if (!text.startsWith("$")) {
                throw invalid("a path must start with '$'");
            }
            boolean context = text.startsWith("$$");
            position = context ? 2 : 1;
            List<Step> steps = new ArrayList<>();
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '.') {
                    steps.add(dotStep());
                } else if (c == '[') {
                    steps.add(bracketStep());
                } else {
                    throw invalid("unexpected '" + c + "' at position " + position);
                }
            }
            return new JsonPath(text, context, steps);
        }

        private Step dotStep() {
            position++;
            if (position < text.length() && text.charAt(position) == '.') {
                throw invalid("deep scan '..' is not supported");
            }
            if (position < text.length() && text.charAt(position) == '*') {
                position++;
                return new Wildcard();
            }
            int start = position;
            while (position < text.length() && isNameCharacter(text.charAt(position))) {
                position++;
            }
            if (position == start) {
                throw invalid("a field name is missing at position " + start);
            }
            return new Field(text.substring(start, position));
        }

        private Step bracketStep() {
            position++;
            if (position >= text.length()) {
                throw invalid("unclosed '['");
            }
            char c = text.charAt(position);
            Step step;
            if (c == '*') {
                position++;
                step = new Wildcard();
            } else if (c == '\'' || c == '"') {
                step = new Field(quoted(c));
            } else if (Character.isDigit(c)) {
                int start = position;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                step = new Index(Integer.parseInt(text.substring(start, position)));
            } else {
                throw invalid("only [index], ['field'] and [*] are supported, found '" + c + "'");
            }
            if (position >= text.length() || text.charAt(position) != ']') {
                throw invalid("expected ']' at position " + position);
            }
            position++;
            return step;
        }

        private String quoted(char quote) {
            position++;
            StringBuilder name = new StringBuilder();
            while (position < text.length() && text.charAt(position) != quote) {
                char c = text.charAt(position++);
                if (c == '\\' && position < text.length()) {
                    c = text.charAt(position++);
                }
                name.append(c);
            }
            if (position >= text.length()) {
                throw invalid("unclosed quoted field name");
            }
            position++;
            return name.toString();
        }

        private static boolean isNameCharacter(char c) {
            return !Character.isWhitespace(c) && ".[]'\"()*?@,:".indexOf(c) < 0;
        }

        private IllegalArgumentException invalid(String problem) {
            return new IllegalArgumentException("Invalid JSONPath '" + text + "': " + problem);
        }
    }
}
