package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.Catcher;
import dev.ferry.local.engine.asl.Retrier;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.asl.StatesErrors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A visit to a state with Retry and Catch (Task, Parallel, Map): runs attempts until one succeeds,
 * then applies ResultSelector, ResultPath and OutputPath; on failure, consults the retriers (each
 * with its own counter, the first matching one deciding) and then the catchers.
 */
abstract class RecoverableStateRun {

    protected final StateVisit visit;
    private final State.InputOutput io;
    private final State.ResultHandling results;
    private final State.ErrorHandling errors;
    private final Optional<String> next;
    private final int[] retriesPerRetrier;
    private int retryCount;
    private Scope attemptScope;

    RecoverableStateRun(StateVisit visit, State.InputOutput io, State.ResultHandling results,
            State.ErrorHandling errors, Optional<String> next) {
        this.visit = visit;
        this.io = io;
        this.results = results;
        this.errors = errors;
        this.next = next;
        this.retriesPerRetrier = new int[errors.retriers().size()];
    }

    final void start() {
        beginAttempt();
    }

    /**
     * Starts one attempt in {@code scope}; it must end in {@link #attemptSucceeded} or
     * {@link #attemptFailed}, now or later, or throw a {@link StatesException}.
     */
    abstract void attempt(Scope scope);

    /** The context object of the current attempt. */
    final ObjectNode context() {
        return visit.context(retryCount);
    }

    /** The state's input after InputPath. */
    final JsonNode effectiveInput(JsonNode context) {
        return DataFlow.select(io.inputPath(), visit.bindings(visit.rawInput(), context));
    }

    final FlowRun flow() {
        return visit.flow();
    }

    final void attemptSucceeded(JsonNode result) {
        attemptScope.cancel();
        try {
            DataFlow.checkSize(result, visit.state().name());
            JsonNode context = context();
            JsonNode selected = results.resultSelector()
                    .map(template -> DataFlow.evaluate(template, visit.bindings(result, context)))
                    .orElse(result);
            JsonNode combined = DataFlow.place(results.resultPath(), visit.rawInput(), selected);
            flow().exit(visit.state(), DataFlow.select(io.outputPath(), visit.bindings(combined, context)), next);
        } catch (StatesException e) {
            flow().fail(e.error());
        }
    }

    final void attemptFailed(StatesError error) {
        attemptScope.cancel();
        if (!flow().scope().active()) {
            return;
        }
        List<Retrier> retriers = errors.retriers();
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (StatesErrors.matches(retrier.errorEquals(), error.error())) {
                if (retriesPerRetrier[i] < retrier.maxAttempts()) {
                    scheduleRetry(retrier.delayBeforeRetry(retriesPerRetrier[i], visit.run().engine().random()));
                    retriesPerRetrier[i]++;
                    return;
                }
                break;
            }
        }
        for (Catcher catcher : errors.catchers()) {
            if (StatesErrors.matches(catcher.errorEquals(), error.error())) {
                try {
                    JsonNode output = DataFlow.place(catcher.resultPath(), visit.rawInput(), error.toCatcherOutput());
                    flow().exit(visit.state(), output, Optional.of(catcher.next()));
                } catch (StatesException e) {
                    flow().fail(e.error());
                }
                return;
            }
        }
        flow().fail(error);
    }

    private void scheduleRetry(Duration delay) {
        retryCount++;
        visit.run().execution().countTransition();
        flow().scope().schedule(visit.run().engine().now().plus(delay), this::beginAttempt);
    }

    private void beginAttempt() {
        attemptScope = flow().scope().child();
        try {
            attempt(attemptScope);
        } catch (StatesException e) {
            attemptFailed(e.error());
        }
    }
}
