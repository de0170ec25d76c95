package dev.ferry.local.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed intrinsic function call such as {@code States.Format('Hello {}', $.name)}. Arguments are
 * string literals in single quotes, numbers, {@code true}, {@code false}, {@code null}, paths and
 * nested calls.
 */
public final class IntrinsicExpression {

    private static final String PREFIX = "States.";

    private final String text;
    private final Call call;

    private IntrinsicExpression(String text, Call call) {
        this.text = text;
        this.call = call;
    }

    /** True if {@code text} is meant as an intrinsic call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text.startsWith(PREFIX);
    }

    /**
     * Parses a call, checking that every function exists and gets an acceptable number of arguments.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static IntrinsicExpression parse(String text) {
        Parser parser = new Parser(text);
        Call call = parser.call();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.invalid("unexpected text after the closing parenthesis");
        }
        return new IntrinsicExpression(text, call);
    }

    /**
     * Evaluates the call.
     *
     * @throws IntrinsicFailureException if a function rejects its arguments
     * @throws JsonPathException if a path argument selects nothing
     */
    public JsonNode evaluate(Bindings bindings) {
        return call.evaluate(bindings);
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Argument permits Literal, PathArgument, Call {
        JsonNode evaluate(Bindings bindings);
    }

    private record Literal(JsonNode value) implements Argument {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            return value;
        }
    }

    private record PathArgument(JsonPath path) implements Argument {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            return path.read(bindings);
        }
    }

    private record Call(IntrinsicFunction function, List<Argument> arguments) implements Argument {
        @Override
        public JsonNode evaluate(Bindings bindings) {
            List<JsonNode> values = new ArrayList<>(arguments.size());
            for (Argument argument : arguments) {
                values.add(argument.evaluate(bindings));
            }
            return function.apply(values, bindings.random());
        }
    }

    /** A recursive-descent parser over the call text. */
    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Call call() {
            skipSpaces();
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
                position++;
            }
            String name = text.substring(start, position);
            IntrinsicFunction function = IntrinsicFunction.named(name)
                    .orElseThrow(() -> invalid("unsupported intrinsic function '" + name + "'"));
            skipSpaces();
            expect('(');
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                arguments.add(argument());
                skipSpaces();
                while (peek() == ',') {
                    position++;
                    arguments.add(argument());
                    skipSpaces();
                }
            }
            expect(')');
            if (!function.acceptsArgumentCount(arguments.size())) {
                throw invalid(name + " takes " + function.arityDescription() + ", got " + arguments.size());
            }
            return new Call(function, arguments);
        }

        private Argument argument() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                return new Literal(Json.nodes().textNode(stringLiteral()));
            }
            if (c == '$') {
                return new PathArgument(path());
            }
            if (text.startsWith(PREFIX, position)) {
                return call();
            }
            return new Literal(scalar());
        }

        /**
         * Reads a quoted string. Escaped braces keep their backslash so that States.Format can tell
         * a literal brace from a placeholder.
         */
        private String stringLiteral() {
            position++;
            StringBuilder value = new StringBuilder();
            while (position < text.length() && peek() != '\'') {
                char c = text.charAt(position++);
                if (c == '\\' && position < text.length()) {
                    char escaped = text.charAt(position++);
                    if (escaped == '{' || escaped == '}') {
                        value.append('\\');
                    }
                    value.append(escaped);
                } else {
                    value.append(c);
                }
            }
            expect('\'');
            return value.toString();
        }

        private JsonPath path() {
            int start = position;
            int depth = 0;
            while (position < text.length()) {
                char c = peek();
                if (c == '\'' || c == '"') {
                    skipQuoted(c);
                    continue;
                }
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                    break;
                }
                position++;
            }
            try {
                return JsonPath.parse(text.substring(start, position));
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }

        private void skipQuoted(char quote) {
            position++;
            while (position < text.length() && peek() != quote) {
                position += peek() == '\\' ? 2 : 1;
            }
            position++;
        }

        private JsonNode scalar() {
            int start = position;
            while (position < text.length() && peek() != ',' && peek() != ')' && !Character.isWhitespace(peek())) {
                position++;
            }
            String token = text.substring(start, position);
            if (token.isEmpty()) {
                throw invalid("an argument is missing at position " + start);
            }
            try {
                JsonNode value = Json.parse(token);
                if (value.isValueNode()) {
                    return value;
                }
            } catch (JsonProcessingException e) {
                // Reported below with the argument's text, which says more than the parser's message.
            }
            throw invalid("'" + token + "' is not a valid argument");
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(peek())) {
                position++;
            }
        }

        boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            return position < text.length() ? text.charAt(position) : '\0';
        }

        private void expect(char expected) {
            if (peek() != expected) {
                throw invalid("expected '" + expected + "' at position " + position);
            }
            position++;
        }

        IllegalArgumentException invalid(String problem) {
            return new IllegalArgumentException("Invalid intrinsic function call '" + text + "': " + problem);
        }
    }
}
