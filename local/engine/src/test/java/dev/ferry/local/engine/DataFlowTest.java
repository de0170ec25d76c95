package dev.ferry.local.engine;

import static dev.ferry.local.engine.EngineHarness.json;
import static dev.ferry.local.engine.EngineHarness.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DataFlowTest {

    private final EngineHarness harness = new EngineHarness();

    @Test
    void inputPathParametersResultPathAndOutputPathApplyInOrder() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Shape", "States": {"Shape": {"Type": "Pass",
                  "InputPath": "$.wave",
                  "Parameters": {"id.$": "$.id", "kind": "test"},
                  "ResultPath": "$.shaped",
                  "OutputPath": "$.shaped",
                  "End": true}}}""", """
                {"wave": {"id": "w-1", "noise": true}, "other": 1}""");

        assertThat(output(execution)).isEqualTo(json("{\"id\": \"w-1\", \"kind\": \"test\"}"));
    }

    @Test
    void resultPathMergesTheResultIntoTheRawInputNotTheEffectiveInput() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Add", "States": {"Add": {"Type": "Pass", "InputPath": "$.a",
                  "Result": {"done": true}, "ResultPath": "$.a.result", "End": true}}}""", """
                {"a": {"x": 1}, "b": 2}""");

        assertThat(output(execution)).isEqualTo(json("{\"a\": {\"x\": 1, \"result\": {\"done\": true}}, \"b\": 2}"));
    }

    @Test
    void aNullResultPathKeepsTheInputAndDropsTheResult() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Drop", "States": {"Drop": {"Type": "Pass", "Result": "ignored",
                  "ResultPath": null, "End": true}}}""", "{\"keep\": 1}");

        assertThat(output(execution)).isEqualTo(json("{\"keep\": 1}"));
    }

    @Test
    void nullInputAndOutputPathsGiveAnEmptyObject() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Empty", "States": {"Empty": {"Type": "Pass", "InputPath": null, "End": true}}}""",
                "{\"gone\": 1}");

        assertThat(output(execution)).isEqualTo(json("{}"));
    }

    @Test
    void resultSelectorShapesATaskResultBeforeResultPath() {
        harness.lambda.returning("inventory", "{\"servers\": [\"s-1\"], \"page\": 1}");

        ExecutionDescription execution = harness.run("""
                {"StartAt": "List", "States": {"List": {"Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "inventory"},
                  "ResultSelector": {"servers.$": "$.Payload.servers", "status.$": "$.StatusCode"},
                  "ResultPath": "$.inventory", "End": true}}}""", "{\"wave\": \"w\"}");

        assertThat(output(execution)).isEqualTo(json(
                "{\"wave\": \"w\", \"inventory\": {\"servers\": [\"s-1\"], \"status\": 200}}"));
    }

    @Test
    void theContextObjectDescribesTheExecutionTheStateAndTheStateMachine() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Look", "States": {"Look": {"Type": "Pass", "Parameters": {
                  "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "start.$": "$$.Execution.StartTime",
                  "input.$": "$$.Execution.Input", "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime",
                  "machine.$": "$$.StateMachine.Id"}, "End": true}}}""", "{\"wave\": 1}");

        JsonNode context = output(execution);
        assertThat(context.get("id").textValue()).isEqualTo(execution.executionArn());
        assertThat(context.get("name").textValue()).isEqualTo(execution.name());
        assertThat(context.get("start").textValue()).isEqualTo("2026-03-02T10:00:00.000Z");
        assertThat(context.get("input")).isEqualTo(json("{\"wave\": 1}"));
        assertThat(context.get("state").textValue()).isEqualTo("Look");
        assertThat(context.get("entered").textValue()).isEqualTo("2026-03-02T10:00:00.000Z");
        assertThat(context.get("machine").textValue()).isEqualTo(execution.stateMachineArn());
    }

    @Test
    void intrinsicFunctionsRunInsideParameters() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Compute", "States": {"Compute": {"Type": "Pass", "Parameters": {
                  "label.$": "States.Format('wave {} of {}', $.n, $.total)",
                  "next.$": "States.MathAdd($.n, 1)",
                  "count.$": "States.ArrayLength($.servers)",
                  "parsed.$": "States.StringToJson($.raw)",
                  "merged.$": "States.JsonMerge($.a, $.b, false)",
                  "pair.$": "States.Array($.n, 'x')",
                  "text.$": "States.JsonToString($.a)",
                  "id.$": "States.UUID()"}, "End": true}}}""", """
                {"n": 2, "total": 5, "servers": ["s-1", "s-2"], "raw": "{\\"ok\\": true}", "a": {"k": 1}, "b": {"j": 2}}""");

        JsonNode result = output(execution);
        assertThat(result.get("label").textValue()).isEqualTo("wave 2 of 5");
        assertThat(result.get("next").intValue()).isEqualTo(3);
        assertThat(result.get("count").intValue()).isEqualTo(2);
        assertThat(result.get("parsed")).isEqualTo(json("{\"ok\": true}"));
        assertThat(result.get("merged")).isEqualTo(json("{\"k\": 1, \"j\": 2}"));
        assertThat(result.get("pair")).isEqualTo(json("[2, \"x\"]"));
        assertThat(result.get("text").textValue()).isEqualTo("{\"k\":1}");
        assertThat(result.get("id").textValue()).hasSize(36);
    }

    @Test
    void anInputPathThatSelectsNothingFailsTheExecutionWithStatesRuntime() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Bad", "States": {"Bad": {"Type": "Pass", "InputPath": "$.missing", "End": true}}}""",
                "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("Invalid path '$.missing'");
    }

    @Test
    void aParametersPathThatSelectsNothingFailsWithStatesRuntimeNamingTheField() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Bad", "States": {"Bad": {"Type": "Pass", "Parameters": {"w.$": "$.wave"}, "End": true}}}""",
                "{\"other\": 1}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).isEqualTo(
                "The JSONPath '$.wave' specified for the field 'w.$' could not be found in the input '{\"other\":1}'");
    }

    @Test
    void aFailStateReportsItsErrorAndCauseFromPaths() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Stop", "States": {"Stop": {"Type": "Fail", "ErrorPath": "$.code",
                  "CausePath": "States.Format('server {} failed', $.server)"}}}""",
                "{\"code\": \"WaveFailed\", \"server\": \"s-1\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("WaveFailed");
        assertThat(execution.cause()).isEqualTo("server s-1 failed");
    }
}
