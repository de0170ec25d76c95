package dev.ferry.cli;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.store.DynamoWaveStore;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * Reads waves from the stack: the records the controller writes to the table (through the
 * controller's own store, so that the item layout is read as it is written) and the executions
 * of Step Functions. Reads only.
 */
final class StackReader {

    private final FerryStack stack;
    private final DynamoWaveStore store;
    private final SfnClient stepFunctions;

    StackReader(FerryStack stack, DynamoWaveStore store, SfnClient stepFunctions) {
        this.stack = stack;
        this.store = store;
        this.stepFunctions = stepFunctions;
    }

    static StackReader of(AwsAccess access) {
        FerryStack stack = FerryStack.locate(access);
        return new StackReader(stack, new DynamoWaveStore(access.dynamoDb(), stack.tableName()), access.stepFunctions());
    }

    FerryStack stack() {
        return stack;
    }

    /** One wave: its record, its servers and its execution. */
    WaveView wave(String waveId) {
        Optional<WaveRecord> wave = store.find(waveId);
        List<ServerRecord> servers = wave.isPresent() ? store.servers(waveId) : List.of();
        String executionArn = wave.map(WaveRecord::executionArn).orElseGet(() -> stack.executionArn(waveId));
        return new WaveView(waveId, wave, servers, execution(executionArn));
    }

    /** The state machine's latest executions, newest first, each with its wave. */
    List<WaveView> recentWaves(int limit) {
        // ListExecutions lists the newest first; one page of `limit` is what "recent" means here.
        return stepFunctions.listExecutions(request -> request.stateMachineArn(stack.stateMachineArn()).maxResults(limit))
                .executions().stream()
                .map(ExecutionView::of)
                .map(execution -> {
                    Optional<WaveRecord> wave = store.find(execution.name());
                    List<ServerRecord> servers = wave.isPresent() ? store.servers(execution.name()) : List.of();
                    return new WaveView(execution.name(), wave, servers, Optional.of(execution));
                })
                .toList();
    }

    private Optional<ExecutionView> execution(String executionArn) {
        try {
            return Optional.of(ExecutionView.of(stepFunctions.describeExecution(request -> request.executionArn(executionArn))));
        } catch (ExecutionDoesNotExistException gone) {
            return Optional.empty();
        }
    }
}
