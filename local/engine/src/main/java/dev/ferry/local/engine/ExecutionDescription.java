package dev.ferry.local.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of an execution, as DescribeExecution reports it, plus the number of state transitions
 * it has made so far (what Standard workflows are billed on).
 *
 * @param stopDate {@code null} while running
 * @param output {@code null} unless succeeded
 * @param error {@code null} unless failed, timed out or aborted with an error
 * @param cause {@code null} unless failed, timed out or aborted with a cause
 */
public record ExecutionDescription(String executionArn, String stateMachineArn, String name,
        ExecutionStatus status, Instant startDate, Instant stopDate, String input, String output, String error,
        String cause, long stateTransitions) {

    /** The stop date, once the execution has ended. */
    public Optional<Instant> stopDateIfStopped() {
        return Optional.ofNullable(stopDate);
    }
}
