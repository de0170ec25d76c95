package dev.ferry.local.engine;

/** The Step Functions API errors the engine reports, by their wire names ({@code __type}). */
public enum StepFunctionsError {
    EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
    EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
    INVALID_ARN("InvalidArn"),
    INVALID_DEFINITION("InvalidDefinition"),
    INVALID_EXECUTION_INPUT("InvalidExecutionInput"),
    INVALID_NAME("InvalidName"),
    INVALID_OUTPUT("InvalidOutput"),
    INVALID_TOKEN("InvalidToken"),
    MISSING_REQUIRED_PARAMETER("MissingRequiredParameter"),
    STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists"),
    STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist"),
    STATE_MACHINE_TYPE_NOT_SUPPORTED("StateMachineTypeNotSupported"),
    TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
    TASK_TIMED_OUT("TaskTimedOut"),
    VALIDATION("ValidationException");

    private final String wireName;

    StepFunctionsError(String wireName) {
        this.wireName = wireName;
    }

    /** The error code on the wire, which the AWS SDKs map to exception classes. */
    public String wireName() {
        return wireName;
    }
}
