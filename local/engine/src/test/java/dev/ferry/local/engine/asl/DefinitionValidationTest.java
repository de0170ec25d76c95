package dev.ferry.local.engine.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class DefinitionValidationTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:ferry-check";

    @Test
    void aDefinitionUsingEverySupportedStateTypeLoads() {
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"Comment": "all", "StartAt": "Prepare", "TimeoutSeconds": 3600, "Version": "1.0",
                 "QueryLanguage": "JSONPath",
                 "States": {
                   "Prepare": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.prep", "Next": "Call"},
                   "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                            "Parameters": {"FunctionName": "f", "Payload.$": "$"},
                            "ResultSelector": {"p.$": "$.Payload"}, "ResultPath": "$.call",
                            "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2, "JitterStrategy": "FULL"}],
                            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed", "ResultPath": "$.error"}],
                            "TimeoutSeconds": 60, "HeartbeatSeconds": 10, "Next": "Decide"},
                   "Decide": {"Type": "Choice", "Default": "Fan",
                              "Choices": [{"Not": {"Variable": "$.prep.n", "NumericEquals": 1}, "Next": "Hold"}]},
                   "Hold": {"Type": "Wait", "SecondsPath": "$.prep.n", "Next": "Fan"},
                   "Fan": {"Type": "Parallel", "Next": "Each",
                           "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]},
                   "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "Next": "Done",
                            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "I",
                                              "States": {"I": {"Type": "Task", "Resource": "%s", "End": true}}}},
                   "Done": {"Type": "Succeed"},
                   "Failed": {"Type": "Fail", "ErrorPath": "$.error.Error", "Cause": "failed"}
                 }}""".formatted(FUNCTION));

        assertThat(definition.graph().states()).containsKeys("Prepare", "Call", "Decide", "Hold", "Fan", "Each");
        assertThat(definition.timeoutSeconds()).hasValue(3600);
    }

    @Test
    void anUnknownStateTypeIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Sleep", "End": true}}}""")
                .hasMessage("State 'A': unknown state type 'Sleep'");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Reslt": 1, "End": true}}}""")
                .hasMessage("State 'A': unknown field 'Reslt' in a state");
    }

    @Test
    void aFieldOfTheLanguageThatTheEngineDoesNotRunIsNamedAsUnsupported() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": 1}, "End": true}}}""")
                .hasMessage("State 'A': field 'Assign' is not supported by the local engine");
    }

    @Test
    void aStateWithoutNextOrEndIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""")
                .hasMessage("State 'A': a state of this type must have either Next or \"End\": true");
    }

    @Test
    void aStateWithBothNextAndEndIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A", "End": true}}}""")
                .hasMessage("State 'A': a state cannot have both Next and End");
    }

    @Test
    void aTransitionToAMissingStateIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""")
                .hasMessage("State 'A': transitions to 'B', which is not a state in the same scope");
    }

    @Test
    void anUnreachableStateIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""")
                .hasMessage("State 'Orphan': the state is not reachable from StartAt 'A'");
    }

    @Test
    void anUnsupportedResourceIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Task",
                  "Resource": "arn:aws:states:::aws-sdk:mgn:startTest", "End": true}}}""")
                .hasMessageStartingWith("State 'A': unsupported resource 'arn:aws:states:::aws-sdk:mgn:startTest'");
    }

    @Test
    void lambdaInvokeWithoutAFunctionNameIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"Payload.$": "$"}, "End": true}}}""")
                .hasMessage("State 'A': lambda:invoke Parameters must have FunctionName or FunctionName.$");
    }

    @Test
    void anUnsupportedIntrinsicFunctionIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass",
                  "Parameters": {"x.$": "States.Reverse($.a)"}, "End": true}}}""")
                .hasMessageContaining("State 'A': field 'Parameters'")
                .hasMessageContaining("unsupported intrinsic function 'States.Reverse'");
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["Other"]}]}}}""".formatted(FUNCTION))
                .hasMessage("State 'A': States.ALL must appear alone in ErrorEquals, in the last retrier");
    }

    @Test
    void aMisspelledPredefinedErrorIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "End": true,
                  "Catch": [{"ErrorEquals": ["States.Timout"], "Next": "A"}]}}}""".formatted(FUNCTION))
                .hasMessage("State 'A': ErrorEquals names 'States.Timout', which is not a predefined States error");
    }

    @Test
    void aChoiceOperandOfTheWrongTypeIsRefused() {
        assertRefused("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "D",
                  "Choices": [{"Variable": "$.n", "NumericEquals": "one", "Next": "D"}]}, "D": {"Type": "Succeed"}}}""")
                .hasMessage("State 'C': NumericEquals must be a number, got \"one\"");
    }

    @Test
    void aChoiceRuleWithTwoOperatorsIsRefused() {
        assertRefused("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice",
                  "Choices": [{"Variable": "$.n", "NumericEquals": 1, "IsPresent": true, "Next": "D"}]},
                  "D": {"Type": "Succeed"}}}""")
                .hasMessageContaining("needs exactly one operator");
    }

    @Test
    void aWaitWithTwoDurationsIsRefused() {
        assertRefused("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}""")
                .hasMessageContaining("exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
    }

    @Test
    void aHeartbeatNotShorterThanTheTimeoutIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%s", "End": true,
                  "TimeoutSeconds": 10, "HeartbeatSeconds": 10}}}""".formatted(FUNCTION))
                .hasMessage("State 'A': HeartbeatSeconds must be smaller than TimeoutSeconds");
    }

    @Test
    void aDistributedMapIsRefused() {
        assertRefused("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "I",
                                    "States": {"I": {"Type": "Succeed"}}}}}}""")
                .hasMessage("State 'M': ProcessorConfig Mode 'DISTRIBUTED' is not supported; only INLINE is");
    }

    @Test
    void jsonataIsRefused() {
        assertRefused("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}""")
                .hasMessage("Definition: QueryLanguage 'JSONata' is not supported; only JSONPath is");
    }

    @Test
    void stateNamesMustBeUniqueAcrossBranches() {
        assertRefused("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}]}}}""")
                .hasMessageContaining("used more than once");
    }

    @Test
    void aResultPathIntoTheContextObjectIsRefused() {
        assertRefused("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$$.x", "End": true}}}""")
                .hasMessageContaining("field 'ResultPath' must be a reference path of object fields under '$'");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertRefused("{\"StartAt\": ").hasMessageStartingWith("Definition: the definition is not valid JSON");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String definition) {
        return assertThatThrownBy(() -> StateMachineDefinition.parse(definition))
                .isInstanceOf(AslDefinitionException.class);
    }
}
