package dev.ferry.cli;

import java.time.Instant;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * A wave's Step Functions execution as the commands show it.
 *
 * @param name      the execution's name (the wave's ID)
 * @param arn       its ARN
 * @param status    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE
 * @param startedAt when it started
 * @param stoppedAt when it ended, or null while it runs
 * @param error     the error it failed with, or null
 * @param cause     what the error said, or null
 */
record ExecutionView(String name, String arn, String status, Instant startedAt, Instant stoppedAt, String error,
                     String cause) {

    static final String RUNNING = "RUNNING";

    static ExecutionView of(ExecutionListItem item) {
        return new ExecutionView(item.name(), item.executionArn(), item.statusAsString(), item.startDate(),
                item.stopDate(), null, null);
    }

    static ExecutionView of(DescribeExecutionResponse execution) {
        return new ExecutionView(execution.name(), execution.executionArn(), execution.statusAsString(),
                execution.startDate(), execution.stopDate(), execution.error(), execution.cause());
    }

    boolean isRunning() {
        return RUNNING.equals(status);
    }
}
