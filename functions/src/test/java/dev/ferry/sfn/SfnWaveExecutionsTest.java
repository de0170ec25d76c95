package dev.ferry.sfn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Which execution statuses keep a wave's servers from other waves. */
class SfnWaveExecutionsTest {

    private static final String ARN = "arn:aws:states:eu-central-1:111122223333:execution:ferry-waves:wave-a";

    private final SfnClient sfn = mock(SfnClient.class);

    @ParameterizedTest
    @CsvSource({"RUNNING, true", "PENDING_REDRIVE, true", "SUCCEEDED, false", "FAILED, false", "TIMED_OUT, false",
            "ABORTED, false"})
    void anExecutionRunsWhileStepFunctionsSaysItRunsOrWillBeRedriven(ExecutionStatus status, boolean running) {
        when(sfn.describeExecution(argThat((DescribeExecutionRequest request) -> request.executionArn().equals(ARN))))
                .thenReturn(DescribeExecutionResponse.builder().executionArn(ARN).status(status).build());

        assertThat(new SfnWaveExecutions(sfn).isRunning(ARN)).isEqualTo(running);
    }

    @Test
    void anExecutionStepFunctionsNoLongerKnowsHasEnded() {
        when(sfn.describeExecution(argThat((DescribeExecutionRequest request) -> request.executionArn().equals(ARN))))
                .thenThrow(ExecutionDoesNotExistException.builder().statusCode(400).message("Execution Does Not Exist")
                        .build());

        assertThat(new SfnWaveExecutions(sfn).isRunning(ARN)).isFalse();
    }
}
