package dev.ferry.local.engine;

import static dev.ferry.local.engine.EngineHarness.START;
import static dev.ferry.local.engine.EngineHarness.json;
import static dev.ferry.local.engine.EngineHarness.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.local.engine.lambda.InvocationResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackTaskTest {

    private static final String APPROVAL = """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                          "Parameters": {"FunctionName": "notify", "Payload": {"token.$": "$$.Task.Token", "wave.$": "$.wave"}},
                          "TimeoutSeconds": 86400, "HeartbeatSeconds": 3600, "ResultPath": "$.decision", "Next": "Done",
                          "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejection", "Next": "Rejected"}]},
              "Rejected": {"Type": "Pass", "End": true},
              "Done": {"Type": "Succeed"}}}""";

    private static final String WAVE = "{\"wave\": \"w-1\"}";

    private final EngineHarness harness = new EngineHarness();
    private final AtomicReference<String> token = new AtomicReference<>();

    @BeforeEach
    void notifierKeepsTheToken() {
        harness.lambda.define("notify", payload -> {
            token.set(payload.get("token").textValue());
            return InvocationResult.success("{\"sent\": true}");
        });
    }

    @Test
    void theTaskWaitsForSendTaskSuccessAndUsesItsOutputAsTheResult() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runPending();

        assertThat(harness.isRunning(arn)).isTrue();
        assertThat(token.get()).hasSizeGreaterThan(200);
        assertThat(harness.lambda.calls().getFirst().payload().get("wave").textValue()).isEqualTo("w-1");

        harness.clock.advanceBy(Duration.ofMinutes(30));
        harness.engine.sendTaskSuccess(token.get(), "{\"approvedBy\": \"ops\"}");
        harness.runToEnd(arn);

        ExecutionDescription execution = harness.engine.describeExecution(arn);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(output(execution).get("decision")).isEqualTo(json("{\"approvedBy\": \"ops\"}"));
        assertThat(harness.eventTypes(arn)).containsSubsequence(
                "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited");
    }

    @Test
    void sendTaskFailureFailsTheTaskWithTheGivenErrorForCatchToHandle() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runPending();

        harness.engine.sendTaskFailure(token.get(), "Rejected", "not this week");
        harness.runToEnd(arn);

        ExecutionDescription execution = harness.engine.describeExecution(arn);
        assertThat(output(execution).get("rejection")).isEqualTo(json("{\"Error\": \"Rejected\", \"Cause\": \"not this week\"}"));
    }

    @Test
    void withoutHeartbeatsTheTaskFailsWithHeartbeatTimeout() {
        String arn = harness.start(APPROVAL, WAVE);

        harness.runToEnd(arn);

        ExecutionDescription execution = harness.engine.describeExecution(arn);
        assertThat(execution.error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(execution.stopDate()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(harness.eventTypes(arn)).contains("TaskTimedOut");
    }

    @Test
    void heartbeatsKeepTheTaskAliveUntilTimeoutSeconds() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runPending();

        for (int beat = 1; beat <= 30; beat++) {
            harness.scheduler.runUntil(() -> false, START.plus(Duration.ofMinutes(beat * 50L)));
            if (harness.isRunning(arn)) {
                harness.engine.sendTaskHeartbeat(token.get());
            }
        }
        harness.runToEnd(arn);

        ExecutionDescription execution = harness.engine.describeExecution(arn);
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.stopDate()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void aLateSendTaskSuccessIsRefusedAsTaskTimedOut() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runToEnd(arn);

        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token.get(), "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.TASK_TIMED_OUT));
        assertThat(harness.engine.callbacksAfterTheTaskEnded()).isEqualTo(1);
    }

    @Test
    void aSecondAnswerForTheSameTokenIsRefusedAsTaskTimedOut() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runPending();

        harness.engine.sendTaskSuccess(token.get(), "{}");

        assertThatThrownBy(() -> harness.engine.sendTaskFailure(token.get(), "Rejected", "late"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.TASK_TIMED_OUT));
        harness.runToEnd(arn);
        assertThat(harness.engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void unknownAndMalformedTokensGetTheirOwnErrors() {
        String unknown = "AQ" + "A".repeat(256);

        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(unknown, "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.TASK_DOES_NOT_EXIST));
        assertThatThrownBy(() -> harness.engine.sendTaskHeartbeat("not a token"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.INVALID_TOKEN));
    }

    @Test
    void outputThatIsNotJsonIsRefused() {
        harness.start(APPROVAL, WAVE);
        harness.runPending();

        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token.get(), "{oops"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.INVALID_OUTPUT));
    }

    @Test
    void stoppingTheExecutionClosesItsToken() {
        String arn = harness.start(APPROVAL, WAVE);
        harness.runPending();

        harness.engine.stopExecution(arn, "Operator", "changed plan");

        assertThat(harness.engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token.get(), "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.TASK_TIMED_OUT));
        assertThat(harness.scheduler.pendingCount()).isZero();
    }
}
