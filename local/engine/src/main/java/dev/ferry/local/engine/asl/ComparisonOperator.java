package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The comparison operators of Choice rules. Every comparing operator also exists with a {@code Path}
 * suffix, whose operand is read from the input instead of written in the definition.
 */
public enum ComparisonOperator {

    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQUAL),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LESS),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GREATER),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LESS_OR_EQUAL),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GREATER_OR_EQUAL),
    STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQUAL),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LESS),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GREATER),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LESS_OR_EQUAL),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GREATER_OR_EQUAL),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQUAL),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQUAL),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LESS),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GREATER),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LESS_OR_EQUAL),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GREATER_OR_EQUAL),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.IS),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.IS),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.IS),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.IS),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.IS),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.IS);

    /** The type of value an operator compares. */
    public enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    private enum Relation { EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL, MATCHES, IS }

    private static final String PATH_SUFFIX = "Path";

    private final String fieldName;
    private final Kind kind;
    private final Relation relation;

    ComparisonOperator(String fieldName, Kind kind, Relation relation) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.relation = relation;
    }

    /** The field name in a Choice rule, without the {@code Path} suffix. */
    public String fieldName() {
        return fieldName;
    }

    /** The type of value this operator compares. */
    public Kind kind() {
        return kind;
    }

    /** True if a {@code Path} variant exists: every operator but StringMatches and the type tests. */
    public boolean hasPathVariant() {
        return relation != Relation.MATCHES && relation != Relation.IS;
    }

    /** The operator written as {@code field} (with or without the Path suffix), if it is one. */
    public static Optional<Match> forField(String field) {
        for (ComparisonOperator operator : values()) {
            if (operator.fieldName.equals(field)) {
                return Optional.of(new Match(operator, false));
            }
            if (operator.hasPathVariant() && field.equals(operator.fieldName + PATH_SUFFIX)) {
                return Optional.of(new Match(operator, true));
            }
        }
        return Optional.empty();
    }

    /** True if {@code field} names any comparison operator. */
    public static boolean isOperatorField(String field) {
        return forField(field).isPresent();
    }

    /** All operator field names, for error messages. */
    public static String allFieldNames() {
        return String.join(", ", Arrays.stream(values()).map(o -> o.fieldName).toList());
    }

    /** An operator as found in a rule, and whether its Path variant was used. */
    public record Match(ComparisonOperator operator, boolean viaPath) {
    }

    /**
     * Applies the operator. A value of the wrong type makes the comparison false, as in Step Functions.
     *
     * @param variable the value selected by Variable
     * @param operand the literal or the value selected by the Path variant
     */
    boolean compare(JsonNode variable, JsonNode operand) {
        return switch (kind) {
            case STRING -> variable.isTextual() && operand.isTextual()
                    && compareStrings(variable.textValue(), operand.textValue());
            case NUMERIC -> variable.isNumber() && operand.isNumber()
                    && holds(variable.decimalValue().compareTo(operand.decimalValue()));
            case BOOLEAN -> variable.isBoolean() && operand.isBoolean()
                    && variable.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> compareTimestamps(variable, operand);
            case TYPE_TEST -> testType(variable) == operand.booleanValue();
        };
    }

    private boolean compareStrings(String variable, String operand) {
        if (relation == Relation.MATCHES) {
            return WildcardPattern.matches(operand, variable);
        }
        return holds(variable.compareTo(operand));
    }

    private boolean compareTimestamps(JsonNode variable, JsonNode operand) {
        if (!variable.isTextual() || !operand.isTextual()) {
            return false;
        }
        Optional<Instant> left = Timestamps.parse(variable.textValue());
        Optional<Instant> right = Timestamps.parse(operand.textValue());
        return left.isPresent() && right.isPresent() && holds(left.get().compareTo(right.get()));
    }

    private boolean testType(JsonNode value) {
        return switch (this) {
            case IS_NULL -> value.isNull();
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isTextual();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
            default -> throw new IllegalStateException(this + " is not a type test");
        };
    }

    private boolean holds(int comparison) {
        return switch (relation) {
            case EQUAL -> comparison == 0;
            case LESS -> comparison < 0;
            case GREATER -> comparison > 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case MATCHES, IS -> throw new IllegalStateException(this + " does not order values");
        };
    }
}
