package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded state of one execution: status, result and history. Every method takes the engine
 * lock, so API threads can read while the scheduler thread runs the execution.
 */
final class Execution {

    /** Step Functions fails a Standard execution whose history would grow past this many events. */
    static final int MAX_HISTORY_EVENTS = 25_000;

    private final Object lock;
    private final Clock clock;
    private final String arn;
    private final String name;
    private final StateMachine stateMachine;
    private final String input;
    private final JsonNode inputNode;
    private final Instant startDate;
    private final List<HistoryEvent> history = new ArrayList<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;
    private long stateTransitions;
    private Runnable onEnded = () -> { };

    Execution(Object lock, Clock clock, String arn, String name, StateMachine stateMachine, String input,
            JsonNode inputNode) {
        this.lock = lock;
        this.clock = clock;
        this.arn = arn;
        this.name = name;
        this.stateMachine = stateMachine;
        this.input = input;
        this.inputNode = inputNode;
        this.startDate = clock.instant();
    }

    String arn() {
        return arn;
    }

    String name() {
        return name;
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    String input() {
        return input;
    }

    JsonNode inputNode() {
        return inputNode;
    }

    Instant startDate() {
        return startDate;
    }

    /** Registers what to release when the execution ends, however it ends. */
    void whenEnded(Runnable action) {
        synchronized (lock) {
            onEnded = action;
        }
    }

    boolean isRunning() {
        synchronized (lock) {
            return status == ExecutionStatus.RUNNING;
        }
    }

    /** Counts one state transition (a state entered, or a retry). */
    void countTransition() {
        synchronized (lock) {
            if (status == ExecutionStatus.RUNNING) {
                stateTransitions++;
            }
        }
    }

    /**
     * Appends an event and returns its id, or 0 if the execution has already ended. An event that
     * would reach the history limit is replaced by ExecutionFailed, which ends the execution.
     */
    long record(HistoryEventType type, long previousEventId, ObjectNode details) {
        synchronized (lock) {
            if (status != ExecutionStatus.RUNNING) {
                return 0;
            }
            if (history.size() == MAX_HISTORY_EVENTS - 1) {
                ObjectNode failure = Json.object()
                        .put("error", StatesErrors.RUNTIME)
                        .put("cause", "The execution reached the limit of " + MAX_HISTORY_EVENTS + " history events.");
                end(ExecutionStatus.FAILED, HistoryEventType.EXECUTION_FAILED, previousEventId, failure);
                return 0;
            }
            return append(type, previousEventId, details);
        }
    }

    /** Ends a running execution with a terminal event; false if it had already ended. */
    boolean end(ExecutionStatus finalStatus, HistoryEventType terminalType, long previousEventId, ObjectNode details) {
        synchronized (lock) {
            if (status != ExecutionStatus.RUNNING) {
                return false;
            }
            append(terminalType, previousEventId, details);
            status = finalStatus;
            stopDate = clock.instant();
            output = finalStatus == ExecutionStatus.SUCCEEDED ? details.get("output").textValue() : null;
            error = textOrNull(details, "error");
            cause = textOrNull(details, "cause");
            onEnded.run();
            return true;
        }
    }

    ExecutionDescription describe() {
        synchronized (lock) {
            return new ExecutionDescription(arn, stateMachine.arn(), name, status, startDate, stopDate, input,
                    output, error, cause, stateTransitions);
        }
    }

    List<HistoryEvent> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    private long append(HistoryEventType type, long previousEventId, ObjectNode details) {
        long id = history.size() + 1L;
        history.add(new HistoryEvent(id, previousEventId, clock.instant(), type, details));
        return id;
    }

    private static String textOrNull(ObjectNode details, String field) {
        JsonNode value = details.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
