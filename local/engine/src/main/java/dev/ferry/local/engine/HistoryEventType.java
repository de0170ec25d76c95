package dev.ferry.local.engine;

import java.util.Arrays;

/**
 * The history event types the engine records, with the GetExecutionHistory field that carries each
 * one's details ({@code null} for types without details).
 */
public enum HistoryEventType {

    EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
    EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
    EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
    EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
    EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
    PASS_STATE_ENTERED("PassStateEntered", "stateEnteredEventDetails"),
    PASS_STATE_EXITED("PassStateExited", "stateExitedEventDetails"),
    TASK_STATE_ENTERED("TaskStateEntered", "stateEnteredEventDetails"),
    TASK_STATE_EXITED("TaskStateExited", "stateExitedEventDetails"),
    CHOICE_STATE_ENTERED("ChoiceStateEntered", "stateEnteredEventDetails"),
    CHOICE_STATE_EXITED("ChoiceStateExited", "stateExitedEventDetails"),
    WAIT_STATE_ENTERED("WaitStateEntered", "stateEnteredEventDetails"),
    WAIT_STATE_EXITED("WaitStateExited", "stateExitedEventDetails"),
    SUCCEED_STATE_ENTERED("SucceedStateEntered", "stateEnteredEventDetails"),
    SUCCEED_STATE_EXITED("SucceedStateExited", "stateExitedEventDetails"),
    FAIL_STATE_ENTERED("FailStateEntered", "stateEnteredEventDetails"),
    PARALLEL_STATE_ENTERED("ParallelStateEntered", "stateEnteredEventDetails"),
    PARALLEL_STATE_STARTED("ParallelStateStarted", null),
    PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
    PARALLEL_STATE_FAILED("ParallelStateFailed", null),
    PARALLEL_STATE_EXITED("ParallelStateExited", "stateExitedEventDetails"),
    MAP_STATE_ENTERED("MapStateEntered", "stateEnteredEventDetails"),
    MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
    MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
    MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
    MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
    MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),
    MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
    MAP_STATE_FAILED("MapStateFailed", null),
    MAP_STATE_EXITED("MapStateExited", "stateExitedEventDetails"),
    TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
    TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
    TASK_SUBMITTED("TaskSubmitted", "taskSubmittedEventDetails"),
    TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
    TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
    TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails"),
    LAMBDA_FUNCTION_SCHEDULED("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails"),
    LAMBDA_FUNCTION_STARTED("LambdaFunctionStarted", null),
    LAMBDA_FUNCTION_SUCCEEDED("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails"),
    LAMBDA_FUNCTION_FAILED("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"),
    LAMBDA_FUNCTION_TIMED_OUT("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails");

    private final String wireName;
    private final String detailsField;

    HistoryEventType(String wireName, String detailsField) {
        this.wireName = wireName;
        this.detailsField = detailsField;
    }

    /** The {@code type} value of the event in GetExecutionHistory. */
    public String wireName() {
        return wireName;
    }

    /** The name of the field that carries the details, or {@code null} if the type has none. */
    public String detailsField() {
        return detailsField;
    }

    /** The {@code <Type>StateEntered} event of a state type. */
    static HistoryEventType stateEntered(String stateType) {
        return byWireName(stateType + "StateEntered");
    }

    /** The {@code <Type>StateExited} event of a state type. */
    static HistoryEventType stateExited(String stateType) {
        return byWireName(stateType + "StateExited");
    }

    private static HistoryEventType byWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No history event type " + wireName));
    }
}
