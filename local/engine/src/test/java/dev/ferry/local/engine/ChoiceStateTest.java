package dev.ferry.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChoiceStateTest {

    private final EngineHarness harness = new EngineHarness();

    @ParameterizedTest(name = "{0} {1} against {2} is {3}")
    @CsvSource(delimiter = '|', value = {
            "StringEquals              | '\"READY_FOR_TEST\"'         | '\"READY_FOR_TEST\"'          | true",
            "StringEquals              | '\"READY_FOR_TEST\"'         | '\"TESTING\"'                 | false",
            "StringLessThan            | '\"a\"'                      | '\"b\"'                       | true",
            "StringGreaterThanEquals   | '\"b\"'                      | '\"b\"'                       | true",
            "StringMatches             | '\"s-13a5b49c3810fa449\"'    | '\"s-*\"'                     | true",
            "StringMatches             | '\"x-1\"'                    | '\"s-*\"'                     | false",
            "StringMatches             | '\"a*b\"'                    | '\"a\\\\*b\"'                 | true",
            "NumericEquals             | 3                            | 3.0                           | true",
            "NumericLessThan           | 2                            | 3                             | true",
            "NumericGreaterThan        | 2                            | 3                             | false",
            "NumericLessThanEquals     | 3                            | 3                             | true",
            "NumericGreaterThanEquals  | 2.5                          | 3                             | false",
            "BooleanEquals             | true                         | true                          | true",
            "TimestampEquals           | '\"2026-03-02T10:00:00Z\"'   | '\"2026-03-02T11:00:00+01:00\"' | true",
            "TimestampLessThan         | '\"2026-03-02T10:00:00Z\"'   | '\"2026-03-03T10:00:00Z\"'    | true",
            "TimestampGreaterThan      | '\"2026-03-02T10:00:00Z\"'   | '\"2026-03-03T10:00:00Z\"'    | false",
            "TimestampLessThanEquals   | '\"2026-03-02T10:00:00Z\"'   | '\"2026-03-02T10:00:00Z\"'    | true",
            "TimestampGreaterThanEquals| '\"2026-03-04T10:00:00Z\"'   | '\"2026-03-02T10:00:00Z\"'    | true",
            "StringEquals              | 5                            | '\"5\"'                       | false",
            "NumericEquals             | '\"5\"'                      | 5                             | false",
    })
    void comparisonOperatorsCompareTheVariableWithALiteral(String operator, String value, String literal,
            boolean expected) {
        String chosen = decide("{\"Variable\": \"$.v\", \"" + operator + "\": " + literal + ", \"Next\": \"Yes\"}",
                "{\"v\": " + value + "}");

        assertThat(chosen).isEqualTo(expected ? "Yes" : "No");
    }

    @ParameterizedTest(name = "{0} against {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "StringEqualsPath    | '\"a\"' | true",
            "NumericLessThanPath | 1       | false",
    })
    void pathVariantsCompareTheVariableWithAnotherPartOfTheInput(String operator, String other, boolean expected) {
        String input = operator.startsWith("String") ? "{\"v\": \"a\", \"w\": " + other + "}" : "{\"v\": 2, \"w\": " + other + "}";

        String chosen = decide("{\"Variable\": \"$.v\", \"" + operator + "\": \"$.w\", \"Next\": \"Yes\"}", input);

        assertThat(chosen).isEqualTo(expected ? "Yes" : "No");
    }

    @ParameterizedTest(name = "{0} {1} on {2} is {3}")
    @CsvSource(delimiter = '|', value = {
            "IsPresent   | true  | '{\"v\": 1}'                        | true",
            "IsPresent   | true  | '{}'                                | true-absent",
            "IsNull      | true  | '{\"v\": null}'                     | true",
            "IsNumeric   | true  | '{\"v\": \"1\"}'                    | false",
            "IsString    | true  | '{\"v\": \"1\"}'                    | true",
            "IsBoolean   | false | '{\"v\": false}'                    | false",
            "IsTimestamp | true  | '{\"v\": \"2026-03-02T10:00:00Z\"}' | true",
    })
    void typeTestsCheckWhatKindOfValueTheVariableHolds(String operator, boolean literal, String input, String expected) {
        String chosen = decide("{\"Variable\": \"$.v\", \"" + operator + "\": " + literal + ", \"Next\": \"Yes\"}", input);

        assertThat(chosen).isEqualTo(expected.equals("true") ? "Yes" : "No");
    }

    @Test
    void andOrAndNotCombineRules() {
        String rule = """
                {"And": [
                   {"Variable": "$.state", "StringEquals": "READY_FOR_TEST"},
                   {"Or": [{"Variable": "$.lag", "NumericLessThan": 60}, {"Variable": "$.force", "BooleanEquals": true}]},
                   {"Not": {"Variable": "$.paused", "IsPresent": true}}],
                 "Next": "Yes"}""";

        assertThat(decide(rule, "{\"state\": \"READY_FOR_TEST\", \"lag\": 10}")).isEqualTo("Yes");
        assertThat(decide(rule, "{\"state\": \"READY_FOR_TEST\", \"lag\": 600, \"force\": true}")).isEqualTo("Yes");
        assertThat(decide(rule, "{\"state\": \"READY_FOR_TEST\", \"lag\": 600, \"force\": false}")).isEqualTo("No");
        assertThat(decide(rule, "{\"state\": \"READY_FOR_TEST\", \"lag\": 1, \"paused\": true}")).isEqualTo("No");
    }

    @Test
    void theFirstMatchingRuleWins() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [
                    {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "First"},
                    {"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Second"}]},
                  "First": {"Type": "Pass", "Result": "first", "End": true},
                  "Second": {"Type": "Pass", "Result": "second", "End": true}}}""", "{\"n\": 5}");

        assertThat(execution.output()).isEqualTo("\"first\"");
    }

    @Test
    void noMatchAndNoDefaultFailsWithNoChoiceMatched() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice",
                  "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Done"}]},
                  "Done": {"Type": "Succeed"}}}""", "{\"n\": 2}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void aVariableThatIsAbsentIsARuntimeErrorNotAFalseComparison() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "Done",
                  "Choices": [{"Variable": "$.missing", "StringEquals": "x", "Next": "Done"}]},
                  "Done": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("Invalid path '$.missing'");
    }

    @Test
    void theChoiceOutputIsTheEffectiveInputThroughOutputPath() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "InputPath": "$.server", "OutputPath": "$.id",
                  "Choices": [{"Variable": "$.ready", "BooleanEquals": true, "Next": "Done"}]},
                  "Done": {"Type": "Succeed"}}}""", "{\"server\": {\"id\": \"s-1\", \"ready\": true}}");

        assertThat(execution.output()).isEqualTo("\"s-1\"");
    }

    /** Runs a Choice with {@code rule} and Default "No"; returns the state chosen. */
    private String decide(String rule, String input) {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Default": "No", "Choices": [%s]},
                  "Yes": {"Type": "Pass", "Result": "Yes", "End": true},
                  "No": {"Type": "Pass", "Result": "No", "End": true}}}""".formatted(rule), input);
        assertThat(execution.status()).as(execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return EngineHarness.output(execution).textValue();
    }
}
