package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.Bindings;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.JsonPathException;
import java.util.List;
import java.util.Optional;

/** A boolean expression of a Choice rule. */
public sealed interface Condition {

    /**
     * Evaluates the condition against the Choice state's effective input.
     *
     * @throws JsonPathException if a Variable (other than under IsPresent) or an operand path selects
     *     nothing, which Step Functions treats as a runtime error rather than "false"
     */
    boolean test(Bindings bindings);

    /** True if every condition holds. */
    record And(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            return conditions.stream().allMatch(c -> c.test(bindings));
        }
    }

    /** True if any condition holds. */
    record Or(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            return conditions.stream().anyMatch(c -> c.test(bindings));
        }
    }

    /** True if the condition does not hold. */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            return !condition.test(bindings);
        }
    }

    /**
     * Compares the value at {@code variable} with {@code literal} or with the value at
     * {@code operandPath}.
     */
    record Comparison(JsonPath variable, ComparisonOperator operator, JsonNode literal,
            Optional<JsonPath> operandPath) implements Condition {
        @Override
        public boolean test(Bindings bindings) {
            if (operator == ComparisonOperator.IS_PRESENT) {
                return variable.isPresentIn(bindings) == literal.booleanValue();
            }
            JsonNode value = readOrFail(variable, bindings);
            JsonNode operand = operandPath.isPresent() ? readOrFail(operandPath.get(), bindings) : literal;
            return operator.compare(value, operand);
        }

        private static JsonNode readOrFail(JsonPath path, Bindings bindings) {
            try {
                return path.read(bindings);
            } catch (JsonPathException e) {
                throw new JsonPathException(
                        "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
            }
        }
    }
}
