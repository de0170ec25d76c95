package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.Bindings;
import dev.ferry.local.engine.json.IntrinsicExpression;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.JsonPathException;

/** Where a Fail state takes its Error or Cause from. */
public sealed interface TextSource {

    /**
     * Resolves the text.
     *
     * @throws JsonPathException if a path selects nothing or something other than a string
     */
    String resolve(Bindings bindings);

    /** Text written in the definition. */
    record Fixed(String text) implements TextSource {
        @Override
        public String resolve(Bindings bindings) {
            return text;
        }
    }

    /** A path into the state's input. */
    record FromPath(JsonPath path) implements TextSource {
        @Override
        public String resolve(Bindings bindings) {
            return requireText(path.read(bindings), path.toString());
        }
    }

    /** An intrinsic function call. */
    record FromCall(IntrinsicExpression call) implements TextSource {
        @Override
        public String resolve(Bindings bindings) {
            return requireText(call.evaluate(bindings), call.toString());
        }
    }

    private static String requireText(JsonNode value, String expression) {
        if (!value.isTextual()) {
            throw new JsonPathException("The value of '" + expression + "' is not a string: " + value);
        }
        return value.textValue();
    }
}
