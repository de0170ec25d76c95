package dev.ferry.local.rehearsal.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one benchmarked rehearsal of a generated wave did.
 *
 * @param servers           servers in the wave
 * @param cutOver           servers cut over
 * @param failed            servers that failed
 * @param leftOut           servers left out
 * @param wallTime          real time of the rehearsal, setup included
 * @param simulatedTime     virtual time of the execution
 * @param stateTransitions  state transitions of the execution
 * @param historyEvents     events in its history
 * @param executionInput    bytes of the execution's input, the wave definition
 * @param largestPayload    bytes of the largest state input or output in the history other than
 *                          the wave definition
 * @param mgnCallsByOperation every MGN call, counted by operation
 * @param dynamoDbRequests  requests the controller's functions made to DynamoDB
 * @param peakHeapBytes     the most heap the JVM used during the rehearsal (sampled)
 */
public record BenchRow(int servers, int cutOver, int failed, int leftOut, Duration wallTime, Duration simulatedTime,
                       long stateTransitions, int historyEvents, int executionInput, int largestPayload,
                       Map<String, Integer> mgnCallsByOperation, long dynamoDbRequests, long peakHeapBytes) {

    public BenchRow {
        mgnCallsByOperation = Map.copyOf(mgnCallsByOperation);
    }

    public int mgnCalls() {
        return mgnCallsByOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double mgnCallsPerServer() {
        return (double) mgnCalls() / servers;
    }

    public double wallMillisPerServer() {
        return (double) wallTime.toMillis() / servers;
    }

    public double dynamoDbRequestsPerServer() {
        return (double) dynamoDbRequests / servers;
    }

    public boolean everyServerCutOver() {
        return cutOver == servers;
    }
}
