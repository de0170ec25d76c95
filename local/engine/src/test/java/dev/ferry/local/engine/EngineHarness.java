package dev.ferry.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.time.RunOutcome;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** An engine on a virtual clock with fake Lambda functions, and shortcuts for running definitions. */
final class EngineHarness {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final String ROLE = "arn:aws:iam::123456789012:role/ferry-states";

    final VirtualClock clock = new VirtualClock(START);
    final Scheduler scheduler = new Scheduler(clock);
    final FakeLambda lambda = new FakeLambda(clock);
    final LocalStepFunctions engine =
            LocalStepFunctions.builder(scheduler, lambda).random(new SplittableRandom(7)).build();
    private int machines;

    /** Creates a state machine from {@code definition} and returns its ARN. */
    String create(String definition) {
        return engine.createStateMachine("machine-" + ++machines, definition, ROLE).arn();
    }

    /** Starts an execution of a new state machine and returns the execution ARN, without running it. */
    String start(String definition, String input) {
        return engine.startExecution(create(definition), null, input).executionArn();
    }

    /** Runs a definition to its end and describes the execution. */
    ExecutionDescription run(String definition, String input) {
        String arn = start(definition, input);
        runToEnd(arn);
        return engine.describeExecution(arn);
    }

    /** Runs the scheduler until {@code executionArn} has ended (or nothing is left to do). */
    RunOutcome runToEnd(String executionArn) {
        return scheduler.runUntil(() -> !isRunning(executionArn), START.plus(Duration.ofDays(400)));
    }

    /** Runs the scheduler until everything queued up to now has run. */
    void runPending() {
        scheduler.runUntil(() -> false, clock.instant());
    }

    boolean isRunning(String executionArn) {
        return engine.describeExecution(executionArn).status() == ExecutionStatus.RUNNING;
    }

    List<HistoryEvent> history(String executionArn) {
        return engine.getExecutionHistory(executionArn);
    }

    List<String> eventTypes(String executionArn) {
        return history(executionArn).stream().map(event -> event.type().wireName()).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode output(ExecutionDescription execution) {
        return json(execution.output());
    }
}
