package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.Timestamps;
import java.time.Instant;

/**
 * Drives one execution: records its start, runs its top-level states, enforces its TimeoutSeconds
 * and records how it ended.
 */
final class ExecutionRun {

    private final EngineContext engine;
    private final Execution execution;
    private final Scope scope;
    private volatile FlowRun topLevel;

    ExecutionRun(EngineContext engine, Execution execution) {
        this.engine = engine;
        this.execution = execution;
        this.scope = Scope.root(execution, engine.scheduler());
        execution.whenEnded(scope::cancel);
    }

    EngineContext engine() {
        return engine;
    }

    Execution execution() {
        return execution;
    }

    /** Records ExecutionStarted and queues the first state; callable from any thread. */
    void start() {
        ObjectNode details = Json.object().put("input", execution.input());
        details.set("inputDetails", FlowRun.notTruncated());
        details.put("roleArn", execution.stateMachine().roleArn());
        long startedId = execution.record(HistoryEventType.EXECUTION_STARTED, 0, details);
        topLevel = new FlowRun(this, execution.stateMachine().definition().graph(), scope, startedId, this::finished);
        execution.stateMachine().definition().timeoutSeconds().ifPresent(seconds ->
                scope.schedule(execution.startDate().plusSeconds(seconds), this::timedOut));
        scope.submit(() -> topLevel.start(execution.inputNode().deepCopy()));
    }

    /** Ends the execution as ABORTED (StopExecution); callable from any thread. */
    void abort(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        end(ExecutionStatus.ABORTED, HistoryEventType.EXECUTION_ABORTED, details);
    }

    /** The context object ({@code $$}) as a state entered at {@code enteredTime} sees it. */
    ObjectNode contextObject(String stateName, Instant enteredTime, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode executionNode = context.putObject("Execution")
                .put("Id", execution.arn())
                .put("Name", execution.name())
                .put("RoleArn", execution.stateMachine().roleArn())
                .put("StartTime", Timestamps.format(execution.startDate()))
                .put("RedriveCount", 0);
        executionNode.set("Input", execution.inputNode().deepCopy());
        context.putObject("State")
                .put("EnteredTime", Timestamps.format(enteredTime))
                .put("Name", stateName)
                .put("RetryCount", retryCount);
        context.putObject("StateMachine")
                .put("Id", execution.stateMachine().arn())
                .put("Name", execution.stateMachine().name());
        return context;
    }

    private void finished(Outcome outcome) {
        switch (outcome) {
            case Outcome.Succeeded succeeded -> {
                ObjectNode details = Json.object().put("output", Json.write(succeeded.output()));
                details.set("outputDetails", FlowRun.notTruncated());
                end(ExecutionStatus.SUCCEEDED, HistoryEventType.EXECUTION_SUCCEEDED, details);
            }
            case Outcome.Failed failed -> {
                ObjectNode details = Json.object();
                if (failed.error().error() != null) {
                    details.put("error", failed.error().error());
                }
                if (failed.error().cause() != null) {
                    details.put("cause", failed.error().cause());
                }
                end(ExecutionStatus.FAILED, HistoryEventType.EXECUTION_FAILED, details);
            }
        }
    }

    private void timedOut() {
        ObjectNode details = Json.object().put("error", StatesErrors.TIMEOUT)
                .put("cause", "The execution ran longer than the state machine's TimeoutSeconds.");
        end(ExecutionStatus.TIMED_OUT, HistoryEventType.EXECUTION_TIMED_OUT, details);
    }

    private void end(ExecutionStatus status, HistoryEventType type, ObjectNode details) {
        long previous = topLevel == null ? 0 : topLevel.lastEventId();
        execution.end(status, type, previous, details);
    }
}
