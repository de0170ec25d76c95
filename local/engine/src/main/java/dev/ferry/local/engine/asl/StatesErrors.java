package dev.ferry.local.engine.asl;

import java.util.List;
import java.util.Set;

/** The predefined {@code States.*} error names and how Retry and Catch match error names. */
public final class StatesErrors {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

    /** Every name with the reserved prefix that Step Functions defines. */
    static final Set<String> PREDEFINED = Set.of(ALL, TASK_FAILED, TIMEOUT, HEARTBEAT_TIMEOUT, RUNTIME,
            DATA_LIMIT_EXCEEDED, NO_CHOICE_MATCHED, INTRINSIC_FAILURE, "States.BranchFailed",
            "States.ExceedToleratedFailureThreshold", "States.Http.Socket", "States.ItemReaderFailed",
            "States.ParameterPathFailure", "States.Permissions", "States.ResultPathMatchFailure",
            "States.ResultWriterFailed", "States.QueryEvaluationError");

    private StatesErrors() {
    }

    /**
     * True if {@code error} is one Retry and Catch can never handle: {@code States.Runtime} and
     * {@code States.DataLimitExceeded} always fail the execution.
     */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * True if a retrier or catcher listing {@code errorEquals} handles {@code error} (which may be
     * {@code null} when a task failure named no error). {@code States.ALL} matches everything
     * non-terminal, {@code States.TaskFailed} everything but timeouts, and {@code States.Timeout}
     * also matches a heartbeat timeout.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (isTerminal(error)) {
            return false;
        }
        boolean timeout = TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
        for (String name : errorEquals) {
            if (name.equals(error)
                    || ALL.equals(name)
                    || (TASK_FAILED.equals(name) && !timeout)
                    || (TIMEOUT.equals(name) && timeout)) {
                return true;
            }
        }
        return false;
    }
}
