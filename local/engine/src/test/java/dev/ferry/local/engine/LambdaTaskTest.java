package dev.ferry.local.engine;

import static dev.ferry.local.engine.EngineHarness.START;
import static dev.ferry.local.engine.EngineHarness.json;
import static dev.ferry.local.engine.EngineHarness.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.lambda.InvocationResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaTaskTest {

    private static final String INVALID_WAVE = "dev.ferry.wave.InvalidWaveException";

    private final EngineHarness harness = new EngineHarness();

    @Test
    void lambdaInvokeSendsThePayloadAndWrapsTheResultLikeStepFunctions() {
        harness.lambda.define("start-test", payload -> InvocationResult.success(
                "{\"jobId\": \"mgnjob-1\", \"servers\": " + payload.get("servers") + "}"));

        ExecutionDescription execution = harness.run(invoke("start-test", "\"Payload\": {\"servers.$\": \"$.ids\"}", ""),
                "{\"ids\": [\"s-1\"]}");

        assertThat(harness.lambda.calls()).singleElement()
                .satisfies(call -> assertThat(call.payload()).isEqualTo(json("{\"servers\": [\"s-1\"]}")));
        JsonNode result = output(execution);
        assertThat(result.get("Payload")).isEqualTo(json("{\"jobId\": \"mgnjob-1\", \"servers\": [\"s-1\"]}"));
        assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
        assertThat(result.get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
        assertThat(result.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
    }

    @Test
    void aQualifierIsPassedWithTheFunctionName() {
        harness.lambda.returning("f", "{}");

        harness.run(invoke("f", "\"Qualifier\": \"live\"", ""), "{}");

        assertThat(harness.lambda.calls()).extracting(FakeLambda.Call::function).containsExactly("f:live");
    }

    @Test
    void aBareFunctionArnReceivesTheEffectiveInputAndItsResultIsTheOutput() {
        harness.lambda.define("ferry-check", payload -> InvocationResult.success("{\"checked\": " + payload.get("n") + "}"));

        ExecutionDescription execution = harness.run("""
                {"StartAt": "Check", "States": {"Check": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ferry-check:live",
                  "End": true}}}""", "{\"n\": 4}");

        assertThat(output(execution)).isEqualTo(json("{\"checked\": 4}"));
        assertThat(harness.eventTypes(execution.executionArn())).contains(
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded");
    }

    @Test
    void aFunctionErrorFailsTheStateWithTheErrorTypeAndTheErrorDocumentAsCause() {
        harness.lambda.define("validate", payload -> InvocationResult.error(INVALID_WAVE, "wave has no servers"));

        ExecutionDescription execution = harness.run(invoke("validate", "", ""), "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(INVALID_WAVE);
        assertThat(json(execution.cause())).isEqualTo(json(
                "{\"errorMessage\": \"wave has no servers\", \"errorType\": \"" + INVALID_WAVE + "\"}"));
    }

    @Test
    void aMissingFunctionFailsWithTheLambdaServiceError() {
        ExecutionDescription execution = harness.run(invoke("nowhere", "", ""), "{}");

        assertThat(execution.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }

    @Test
    void retriesWaitIntervalTimesBackoffOnTheVirtualClock() {
        harness.lambda.failingTimes("flaky", 3, "Transient", "{\"ok\": true}");

        ExecutionDescription execution = harness.run(invoke("flaky", "", """
                , "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3}]"""),
                "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(harness.lambda.callsTo("flaky")).extracting(FakeLambda.Call::at).containsExactly(
                START, START.plusSeconds(2), START.plusSeconds(8), START.plusSeconds(26));
    }

    @Test
    void maxDelaySecondsCapsTheBackoff() {
        harness.lambda.failingTimes("flaky", 3, "Transient", "{}");

        harness.run(invoke("flaky", "", """
                , "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 10, "BackoffRate": 10,
                             "MaxDelaySeconds": 30, "MaxAttempts": 5}]"""), "{}");

        assertThat(harness.lambda.callsTo("flaky")).extracting(FakeLambda.Call::at).containsExactly(
                START, START.plusSeconds(10), START.plusSeconds(40), START.plusSeconds(70));
    }

    @Test
    void eachRetrierCountsItsOwnAttemptsAndTheFirstMatchingOneDecides() {
        String[] errors = {"ErrorA", "ErrorB", "ErrorC", "ErrorB"};
        int[] call = {0};
        harness.lambda.define("sequence", payload -> InvocationResult.error(errors[Math.min(call[0]++, 3)], "x"));

        ExecutionDescription execution = harness.run("""
                {"StartAt": "X", "States": {
                  "X": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "sequence"}, "Next": "Done",
                        "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 2},
                                  {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}]},
                  "Done": {"Type": "Succeed"},
                  "Z": {"Type": "Pass", "Result": "caught", "End": true}}}""", "{}");

        assertThat(harness.lambda.callsTo("sequence")).extracting(FakeLambda.Call::at).containsExactly(
                START, START.plusSeconds(1), START.plusSeconds(3), START.plusSeconds(8));
        assertThat(execution.output()).isEqualTo("\"caught\"");
    }

    @Test
    void theFirstMatchingCatcherHandlesTheErrorAndPlacesItAtItsResultPath() {
        harness.lambda.define("validate", payload -> InvocationResult.error(INVALID_WAVE, "empty"));

        ExecutionDescription execution = harness.run("""
                {"StartAt": "Validate", "States": {
                  "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                               "Parameters": {"FunctionName": "validate"}, "InputPath": "$.wave", "Next": "Done",
                               "Catch": [{"ErrorEquals": ["Other"], "Next": "Wrong"},
                                         {"ErrorEquals": ["%s"], "ResultPath": "$.failure", "Next": "Handle"},
                                         {"ErrorEquals": ["States.ALL"], "Next": "Wrong"}]},
                  "Handle": {"Type": "Pass", "End": true},
                  "Wrong": {"Type": "Fail", "Error": "Wrong"},
                  "Done": {"Type": "Succeed"}}}""".formatted(INVALID_WAVE), "{\"wave\": {\"id\": \"w\"}}");

        JsonNode result = output(execution);
        assertThat(result.at("/wave/id").textValue()).isEqualTo("w");
        assertThat(result.at("/failure/Error").textValue()).isEqualTo(INVALID_WAVE);
        assertThat(json(result.at("/failure/Cause").textValue()).get("errorMessage").textValue()).isEqualTo("empty");
    }

    @Test
    void taskFailedMatchesAThrownErrorName() {
        harness.lambda.define("boom", payload -> InvocationResult.error("java.lang.IllegalStateException", "boom"));

        ExecutionDescription execution = harness.run(invoke("boom", "", """
                , "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}]"""), "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(output(execution).get("Error").textValue()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void statesRuntimeIsNeitherRetriedNorCaughtByStatesAll() {
        harness.lambda.returning("f", "{}");

        ExecutionDescription execution = harness.run("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "f", "Payload.$": "$.missing"}, "Next": "Done",
                        "Retry": [{"ErrorEquals": ["States.ALL"]}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
                  "Done": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(harness.lambda.calls()).isEmpty();
    }

    @Test
    void retriesCountAsStateTransitions() {
        harness.lambda.failingTimes("flaky", 2, "Transient", "{}");

        ExecutionDescription execution = harness.run(invoke("flaky", "", """
                , "Retry": [{"ErrorEquals": ["Transient"]}]"""), "{}");

        assertThat(execution.stateTransitions()).isEqualTo(1 + 2);
        List<String> types = harness.eventTypes(execution.executionArn());
        assertThat(types.stream().filter("TaskFailed"::equals)).hasSize(2);
        assertThat(types.stream().filter("TaskScheduled"::equals)).hasSize(3);
    }

    @Test
    void aRetryBackoffLeavesTheClockAtTheRetryTime() {
        harness.lambda.failingTimes("flaky", 1, "Transient", "{}");

        harness.run(invoke("flaky", "", """
                , "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 3600}]"""), "{}");

        assertThat(harness.clock.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    /**
     * A lambda:invoke Task named T with extra Parameters and extra state fields; a Pass state named
     * Caught is added when the extra fields transition to it.
     */
    private static String invoke(String function, String parameters, String stateFields) {
        String extraParameters = parameters.isEmpty() ? "" : ", " + parameters;
        String caught = stateFields.contains("\"Caught\"") ? ", \"Caught\": {\"Type\": \"Pass\", \"End\": true}" : "";
        return """
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "%s"%s}, "End": true%s}%s}}""".formatted(
                function, extraParameters, stateFields, caught);
    }
}
