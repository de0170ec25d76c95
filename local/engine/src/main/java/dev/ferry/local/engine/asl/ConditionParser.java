package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.Timestamps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Parses the rules of a Choice state, checking every operand against its operator. */
final class ConditionParser {

    ChoiceRule topLevelRule(String stateName, JsonNode node) {
        NodeReader reader = new NodeReader(stateName, node, "a choice rule");
        String next = reader.requiredString("Next");
        return new ChoiceRule(condition(reader, true), next);
    }

    private Condition condition(NodeReader reader, boolean topLevel) {
        List<String> operators = new ArrayList<>();
        for (Iterator<String> names = reader.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("Comment") || name.equals("Variable") || (topLevel && name.equals("Next"))) {
                continue;
            }
            if (name.equals("Next")) {
                throw reader.fail("a nested choice rule cannot have Next");
            }
            if (!isCombinator(name) && !ComparisonOperator.isOperatorField(name)) {
                throw reader.fail("unknown field '" + name + "' in a choice rule; operators are And, Or, Not, "
                        + ComparisonOperator.allFieldNames() + " (comparisons also with a Path suffix)");
            }
            operators.add(name);
        }
        if (operators.size() != 1) {
            throw reader.fail("a choice rule needs exactly one operator, got " + operators);
        }
        String operator = operators.getFirst();
        if (isCombinator(operator) && reader.has("Variable")) {
            throw reader.fail("a choice rule with " + operator + " cannot have a Variable");
        }
        return switch (operator) {
            case "And" -> new Condition.And(nested(reader, "And"));
            case "Or" -> new Condition.Or(nested(reader, "Or"));
            case "Not" -> new Condition.Not(condition(new NodeReader(reader.stateName(),
                    reader.requiredObject("Not"), "a choice rule"), false));
            default -> comparison(reader, operator);
        };
    }

    private List<Condition> nested(NodeReader reader, String field) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode node : reader.requiredArray(field)) {
            conditions.add(condition(new NodeReader(reader.stateName(), node, "a choice rule"), false));
        }
        return conditions;
    }

    private Condition comparison(NodeReader reader, String field) {
        JsonPath variable = reader.path("Variable");
        ComparisonOperator.Match match = ComparisonOperator.forField(field).orElseThrow();
        ComparisonOperator operator = match.operator();
        if (match.viaPath()) {
            return new Condition.Comparison(variable, operator, null, Optional.of(reader.path(field)));
        }
        JsonNode literal = reader.node().get(field);
        checkLiteral(reader, operator, literal);
        return new Condition.Comparison(variable, operator, literal, Optional.empty());
    }

    private static void checkLiteral(NodeReader reader, ComparisonOperator operator, JsonNode literal) {
        String field = operator.fieldName();
        boolean valid = switch (operator.kind()) {
            case STRING -> literal.isTextual();
            case NUMERIC -> literal.isNumber();
            case BOOLEAN, TYPE_TEST -> literal.isBoolean();
            case TIMESTAMP -> literal.isTextual() && Timestamps.parse(literal.textValue()).isPresent();
        };
        if (!valid) {
            String expected = switch (operator.kind()) {
                case STRING -> "a string";
                case NUMERIC -> "a number";
                case BOOLEAN, TYPE_TEST -> "a boolean";
                case TIMESTAMP -> "an RFC 3339 timestamp";
            };
            throw reader.fail(field + " must be " + expected + ", got " + literal);
        }
    }

    private static boolean isCombinator(String name) {
        return name.equals("And") || name.equals("Or") || name.equals("Not");
    }
}
