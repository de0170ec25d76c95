package dev.ferry.local.engine;

import static dev.ferry.local.engine.EngineHarness.START;
import static dev.ferry.local.engine.EngineHarness.json;
import static dev.ferry.local.engine.EngineHarness.output;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.local.engine.lambda.InvocationResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFlowTest {

    private final EngineHarness harness = new EngineHarness();

    @Test
    void waitSecondsPassesOnTheVirtualClockOnly() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 172800, "End": true}}}""", "{}");

        assertThat(execution.stopDate()).isEqualTo(START.plus(Duration.ofDays(2)));
    }

    @Test
    void waitSecondsPathReadsTheEffectiveInput() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "InputPath": "$.poll", "SecondsPath": "$.every",
                  "End": true}}}""", "{\"poll\": {\"every\": 90}}");

        assertThat(execution.stopDate()).isEqualTo(START.plusSeconds(90));
        assertThat(output(execution)).isEqualTo(json("{\"every\": 90}"));
    }

    @Test
    void waitTimestampAndTimestampPathWaitUntilThatMoment() {
        ExecutionDescription fixed = harness.run("""
                {"StartAt": "Until", "States": {"Until": {"Type": "Wait", "Timestamp": "2026-03-05T00:00:00Z", "End": true}}}""",
                "{}");
        ExecutionDescription fromInput = harness.run("""
                {"StartAt": "Until", "States": {"Until": {"Type": "Wait", "TimestampPath": "$.cutover", "End": true}}}""",
                "{\"cutover\": \"2026-03-10T08:00:00+01:00\"}");

        assertThat(fixed.stopDate()).isEqualTo(java.time.Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(fromInput.stopDate()).isEqualTo(java.time.Instant.parse("2026-03-10T07:00:00Z"));
    }

    @Test
    void aWaitPathThatIsNotANumberFailsWithStatesRuntime() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}""",
                "{\"s\": \"soon\"}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
    }

    @Test
    void parallelOutputsTheBranchOutputsInBranchOrder() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
                  "ResultSelector": {"slow.$": "$[0]", "fast.$": "$[1]"},
                  "Branches": [
                    {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 60, "Next": "S"},
                                                   "S": {"Type": "Pass", "Result": "slow", "End": true}}},
                    {"StartAt": "Fast", "States": {"Fast": {"Type": "Pass", "InputPath": "$.n", "End": true}}}]}}}""",
                "{\"n\": 7}");

        assertThat(output(execution)).isEqualTo(json("{\"slow\": \"slow\", \"fast\": 7}"));
        assertThat(harness.eventTypes(execution.executionArn())).containsSubsequence(
                "ParallelStateEntered", "ParallelStateStarted", "ParallelStateSucceeded", "ParallelStateExited");
    }

    @Test
    void aFailingBranchStopsTheOthersAndItsErrorReachesTheParallelCatch() {
        harness.lambda.returning("never", "{}");

        ExecutionDescription execution = harness.run("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "Next": "Done",
                           "Catch": [{"ErrorEquals": ["ServerFailed"], "Next": "Handled"}],
                           "Branches": [
                             {"StartAt": "Later", "States": {"Later": {"Type": "Wait", "Seconds": 600, "Next": "Call"},
                               "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                        "Parameters": {"FunctionName": "never"}, "End": true}}},
                             {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "ServerFailed", "Cause": "s-1"}}}]},
                  "Handled": {"Type": "Pass", "End": true},
                  "Done": {"Type": "Succeed"}}}""", "{}");

        assertThat(output(execution)).isEqualTo(json("{\"Error\": \"ServerFailed\", \"Cause\": \"s-1\"}"));
        assertThat(harness.lambda.calls()).isEmpty();
        assertThat(execution.stopDate()).isEqualTo(START);
    }

    @Test
    void mapRunsTheProcessorPerItemAndOutputsResultsInItemOrder() {
        harness.lambda.define("check", payload -> InvocationResult.success(
                "{\"server\": " + payload.get("server") + ", \"index\": " + payload.get("index") + "}"));

        ExecutionDescription execution = harness.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.servers", "MaxConcurrency": 2,
                  "ItemSelector": {"server.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "wave.$": "$.wave"},
                  "ItemProcessor": {"StartAt": "Check", "States": {"Check": {"Type": "Task",
                    "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "check", "Payload.$": "$"},
                    "OutputPath": "$.Payload", "End": true}}},
                  "End": true}}}""", "{\"wave\": \"w\", \"servers\": [\"s-1\", \"s-2\", \"s-3\"]}");

        assertThat(output(execution)).isEqualTo(json("""
                [{"server": "s-1", "index": 0}, {"server": "s-2", "index": 1}, {"server": "s-3", "index": 2}]"""));
        List<HistoryEvent> history = harness.history(execution.executionArn());
        assertThat(history).filteredOn(e -> e.type() == HistoryEventType.MAP_STATE_STARTED)
                .singleElement().satisfies(e -> assertThat(e.details().get("length").intValue()).isEqualTo(3));
        assertThat(history).filteredOn(e -> e.type() == HistoryEventType.MAP_ITERATION_SUCCEEDED).hasSize(3);
    }

    @Test
    void maxConcurrencyLimitsHowManyIterationsRunAtOnce() {
        harness.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2,
                  "Iterator": {"StartAt": "Hold", "States": {"Hold": {"Type": "Wait", "Seconds": 10, "End": true}}},
                  "End": true}}}""", "[1, 2, 3, 4, 5]");

        assertThat(harness.clock.instant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aFailingIterationFailsTheMapAndAbortsTheRunningOnes() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
                  "ItemProcessor": {"StartAt": "Decide", "States": {
                    "Decide": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}],
                               "Default": "Slow"},
                    "Slow": {"Type": "Wait", "Seconds": 100, "End": true},
                    "Bad": {"Type": "Fail", "Error": "ServerFailed"}}}}}}""", "[1, 2, 3]");

        assertThat(execution.error()).isEqualTo("ServerFailed");
        assertThat(harness.eventTypes(execution.executionArn())).contains("MapIterationFailed", "MapIterationAborted",
                "MapStateFailed");
        assertThat(execution.stopDate()).isEqualTo(START);
    }

    @Test
    void mapOverAnEmptyListSucceedsWithAnEmptyList() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.none", "End": true,
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}""",
                "{\"none\": []}");

        assertThat(output(execution)).isEqualTo(json("[]"));
    }

    @Test
    void aPollingLoopRunsForDaysOfVirtualTimeInstantly() {
        int[] polls = {0};
        harness.lambda.define("status", payload -> InvocationResult.success(
                "{\"ready\": " + (++polls[0] >= 500) + "}"));

        ExecutionDescription execution = harness.run("""
                {"StartAt": "Poll", "States": {
                  "Poll": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "status"}, "ResultSelector": {"ready.$": "$.Payload.ready"},
                           "Next": "Ready?"},
                  "Ready?": {"Type": "Choice", "Choices": [{"Variable": "$.ready", "BooleanEquals": true, "Next": "Done"}],
                             "Default": "Pause"},
                  "Pause": {"Type": "Wait", "Seconds": 600, "Next": "Poll"},
                  "Done": {"Type": "Succeed"}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.stopDate()).isEqualTo(START.plus(Duration.ofMinutes(10L * 499)));
        assertThat(execution.stateTransitions()).isEqualTo(500 + 500 + 499 + 1);
    }
}
