package dev.ferry.sfn;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@link WaveExecutions} on Step Functions' {@code DescribeExecution}. */
public class SfnWaveExecutions implements WaveExecutions {

    private final SfnClient sfn;

    public SfnWaveExecutions(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public boolean isRunning(String executionArn) {
        try {
            ExecutionStatus status = sfn.describeExecution(
                    DescribeExecutionRequest.builder().executionArn(executionArn).build()).status();
            // A failed execution being redriven runs again from the state that failed.
            return status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE;
        } catch (ExecutionDoesNotExistException gone) {
            // Step Functions forgets closed executions after its retention period: long ended.
            return false;
        }
    }
}
