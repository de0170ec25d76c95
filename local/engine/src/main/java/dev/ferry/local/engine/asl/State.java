package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.PayloadTemplate;
import java.util.List;
import java.util.Optional;

/**
 * One state of a definition. Paths held as {@code Optional<JsonPath>} are empty when the definition
 * sets them to {@code null} (which discards, for InputPath/OutputPath/ResultPath); an omitted path is
 * {@code $}. A transition held as {@code Optional<String> next} is empty for {@code "End": true}.
 */
public sealed interface State {

    /** The state's name, unique in the whole state machine. */
    String name();

    /** The ASL {@code Type}, which also prefixes the state's history events. */
    String type();

    /** InputPath and OutputPath, shared by every state type that has them. */
    record InputOutput(Optional<JsonPath> inputPath, Optional<JsonPath> outputPath) {
    }

    /** ResultSelector and ResultPath of the states that produce a result. */
    record ResultHandling(Optional<PayloadTemplate> resultSelector, Optional<JsonPath> resultPath) {
    }

    /** Retry and Catch of Task, Parallel and Map. */
    record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
    }

    /** A {@code Pass} state. */
    record Pass(String name, InputOutput io, Optional<PayloadTemplate> parameters, Optional<JsonNode> result,
            Optional<JsonPath> resultPath, Optional<String> next) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    /** A {@code Task} state. */
    record Task(String name, InputOutput io, TaskResource resource, Optional<PayloadTemplate> parameters,
            ResultHandling results, TaskTimeouts timeouts, ErrorHandling errors, Optional<String> next)
            implements State {
        @Override
        public String type() {
            return "Task";
        }
    }

    /** A {@code Choice} state. */
    record Choice(String name, InputOutput io, List<ChoiceRule> choices, Optional<String> defaultNext)
            implements State {
        @Override
        public String type() {
            return "Choice";
        }
    }

    /** A {@code Wait} state. */
    record Wait(String name, InputOutput io, WaitTime waitTime, Optional<String> next) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    /** A {@code Succeed} state. */
    record Succeed(String name, InputOutput io) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** A {@code Fail} state; its error and cause may be fixed text, a path or an intrinsic call. */
    record Fail(String name, Optional<TextSource> error, Optional<TextSource> cause) implements State {
        @Override
        public String type() {
            return "Fail";
        }
    }

    /** A {@code Parallel} state. */
    record Parallel(String name, InputOutput io, List<StateGraph> branches, Optional<PayloadTemplate> parameters,
            ResultHandling results, ErrorHandling errors, Optional<String> next) implements State {
        @Override
        public String type() {
            return "Parallel";
        }
    }

    /**
     * An inline {@code Map} state.
     *
     * @param maxConcurrency iterations allowed to run at once; 0 means no limit of the definition's own
     */
    record Map(String name, InputOutput io, StateGraph itemProcessor, JsonPath itemsPath,
            Optional<PayloadTemplate> itemSelector, int maxConcurrency, ResultHandling results,
            ErrorHandling errors, Optional<String> next) implements State {
        @Override
        public String type() {
            return "Map";
        }
    }
}
