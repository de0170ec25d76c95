package dev.ferry.local.engine;

import static dev.ferry.local.engine.EngineHarness.ROLE;
import static dev.ferry.local.engine.EngineHarness.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.local.engine.lambda.InvocationResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionLifecycleTest {

    private static final String WAIT_THEN_TASK = """
            {"StartAt": "Pause", "States": {
              "Pause": {"Type": "Wait", "Seconds": 60, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Parameters": {"FunctionName": "f"}, "OutputPath": "$.Payload", "End": true}}}""";

    private final EngineHarness harness = new EngineHarness();

    @Test
    void theHistoryHasStepFunctionsEventsWithChainedIdsAndVirtualTimestamps() {
        harness.lambda.returning("f", "{\"done\": true}");

        ExecutionDescription execution = harness.run(WAIT_THEN_TASK, "{\"wave\": 1}");

        List<HistoryEvent> history = harness.history(execution.executionArn());
        assertThat(history).extracting(e -> e.type().wireName()).containsExactly(
                "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "TaskStateEntered", "TaskScheduled",
                "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(history).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(history.get(2).timestamp()).isEqualTo(START.plusSeconds(60));
        assertThat(history.getFirst().detail("input")).hasValue("{\"wave\": 1}");
        assertThat(history.getFirst().detail("roleArn")).hasValue(ROLE);
        assertThat(history.get(4).detail("resourceType")).hasValue("lambda");
        assertThat(history.get(4).detail("resource")).hasValue("invoke");
        assertThat(history.get(4).detail("parameters")).hasValue("{\"FunctionName\":\"f\"}");
        assertThat(history.getLast().detail("output")).hasValue("{\"done\":true}");
        assertThat(execution.output()).isEqualTo("{\"done\":true}");
    }

    @Test
    void everyStateEnteredCountsOneTransition() {
        harness.lambda.returning("f", "{}");

        ExecutionDescription execution = harness.run(WAIT_THEN_TASK, "{}");

        assertThat(execution.stateTransitions()).isEqualTo(2);
    }

    @Test
    void startingAgainWithTheSameNameAndInputWhileRunningReturnsTheSameExecution() {
        String machine = harness.create(WAIT_THEN_TASK);

        ExecutionDescription first = harness.engine.startExecution(machine, "wave-1", "{\"a\": 1}");
        ExecutionDescription second = harness.engine.startExecution(machine, "wave-1", "{\"a\": 1}");

        assertThat(second.executionArn()).isEqualTo(first.executionArn());
        assertThat(harness.engine.listExecutions(machine, Optional.empty())).hasSize(1);
    }

    @Test
    void theSameNameWithOtherInputIsRefusedAsExecutionAlreadyExists() {
        String machine = harness.create(WAIT_THEN_TASK);
        harness.engine.startExecution(machine, "wave-1", "{\"a\": 1}");

        assertThatThrownBy(() -> harness.engine.startExecution(machine, "wave-1", "{\"a\": 2}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.EXECUTION_ALREADY_EXISTS));
    }

    @Test
    void theSameNameAfterTheExecutionEndedIsRefusedAsExecutionAlreadyExists() {
        harness.lambda.returning("f", "{}");
        String machine = harness.create(WAIT_THEN_TASK);
        String arn = harness.engine.startExecution(machine, "wave-1", "{}").executionArn();
        harness.runToEnd(arn);

        assertThatThrownBy(() -> harness.engine.startExecution(machine, "wave-1", "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.EXECUTION_ALREADY_EXISTS));
    }

    @Test
    void executionArnsFollowTheServiceFormat() {
        String machine = harness.create(WAIT_THEN_TASK);

        ExecutionDescription execution = harness.engine.startExecution(machine, "wave-1", null);

        assertThat(machine).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:machine-1");
        assertThat(execution.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:machine-1:wave-1");
        assertThat(execution.input()).isEqualTo("{}");
    }

    @Test
    void stoppingAbortsTheExecutionAndWithdrawsItsTimers() {
        String arn = harness.start(WAIT_THEN_TASK, "{}");
        harness.runPending();

        ExecutionDescription stopped = harness.engine.stopExecution(arn, "Operator", "wave postponed");

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("Operator");
        assertThat(harness.eventTypes(arn)).endsWith("ExecutionAborted");
        assertThat(harness.scheduler.pendingCount()).isZero();
        assertThat(harness.lambda.calls()).isEmpty();
    }

    @Test
    void theStateMachineTimeoutEndsTheExecutionAsTimedOut() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Nap", "TimeoutSeconds": 30, "States": {"Nap": {"Type": "Wait", "Seconds": 3600, "End": true}}}""",
                "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.error()).isEqualTo("States.Timeout");
        assertThat(execution.stopDate()).isEqualTo(START.plusSeconds(30));
        assertThat(harness.eventTypes(execution.executionArn())).endsWith("ExecutionTimedOut");
    }

    @Test
    void anExecutionFailsWhenItsHistoryReachesTheServiceLimit() {
        ExecutionDescription execution = harness.run("""
                {"StartAt": "Loop", "States": {"Loop": {"Type": "Wait", "Seconds": 60, "Next": "Loop"}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.cause()).contains("25000 history events");
        assertThat(harness.history(execution.executionArn())).hasSize(Execution.MAX_HISTORY_EVENTS);
    }

    @Test
    void creatingTheSameStateMachineTwiceIsIdempotentButAnotherDefinitionIsRefused() {
        String definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";
        StateMachine first = harness.engine.createStateMachine("wave", definition, ROLE);

        StateMachine again = harness.engine.createStateMachine("wave", definition, ROLE);

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> harness.engine.createStateMachine("wave", definition.replace("Succeed", "Pass\", \"End\": true, \"Comment\": \"x"), ROLE))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.STATE_MACHINE_ALREADY_EXISTS));
    }

    @Test
    void anInvalidDefinitionIsRefusedWithTheLoadersMessage() {
        assertThatThrownBy(() -> harness.engine.createStateMachine("bad",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Nope\"}}}", ROLE))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.error()).isEqualTo(StepFunctionsError.INVALID_DEFINITION))
                .hasMessageContaining("State 'A': unknown state type 'Nope'");
    }

    @Test
    void aLambdaMayCallBackIntoTheEngineFromAnotherThreadWhileBeingInvoked() throws Exception {
        String waiting = harness.start("""
                {"StartAt": "Wait", "States": {"Wait": {"Type": "Task",
                  "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters": {"FunctionName": "park", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}}""", "{}");
        String[] parked = new String[1];
        harness.lambda.define("park", payload -> {
            parked[0] = payload.get("token").textValue();
            return InvocationResult.success("{}");
        });
        harness.lambda.define("approve", payload -> {
            Thread other = Thread.ofVirtual().start(() -> {
                harness.engine.sendTaskSuccess(parked[0], "{\"approved\": true}");
                harness.engine.describeExecution(waiting);
            });
            joinQuietly(other);
            return InvocationResult.success("{}");
        });
        harness.runPending();

        ExecutionDescription approver = harness.run("""
                {"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "approve"}, "End": true}}}""", "{}");
        harness.runToEnd(waiting);

        assertThat(approver.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(harness.engine.describeExecution(waiting).output()).isEqualTo("{\"approved\":true}");
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
