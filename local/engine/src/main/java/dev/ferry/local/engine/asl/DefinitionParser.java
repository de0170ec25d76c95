package dev.ferry.local.engine.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.engine.asl.State.ErrorHandling;
import dev.ferry.local.engine.asl.State.InputOutput;
import dev.ferry.local.engine.asl.State.ResultHandling;
import dev.ferry.local.engine.json.IntrinsicExpression;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.json.Timestamps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns definition JSON into a {@link StateMachineDefinition}, refusing anything the engine would
 * otherwise have to ignore or guess: unknown types and fields, missing transitions, unresolvable or
 * unreachable targets, unsupported resources and functions.
 */
final class DefinitionParser {

    private static final int MAX_STATE_NAME_LENGTH = 80;
    private static final long MAX_SECONDS = 99_999_999L;
    private static final Set<String> TOP_LEVEL_FIELDS =
            Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
    private static final Set<String> GRAPH_FIELDS = Set.of("Comment", "StartAt", "States");
    private static final Set<String> ITEM_PROCESSOR_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");
    private static final Set<String> COMMON = Set.of("Type", "Comment");
    private static final Set<String> TRANSITION = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "ResultSelector");
    private static final Set<String> RECOVERY = Set.of("Retry", "Catch");

    private final Set<String> stateNames = new HashSet<>();
    private final ErrorHandlingParser errorHandlingParser = new ErrorHandlingParser();
    private final ConditionParser conditionParser = new ConditionParser();

    StateMachineDefinition parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new AslDefinitionException(null, "the definition is not valid JSON: " + e.getOriginalMessage());
        }
        NodeReader top = new NodeReader(null, root, "the definition");
        top.allowOnly(TOP_LEVEL_FIELDS);
        top.optionalString("QueryLanguage").filter(language -> !language.equals("JSONPath")).ifPresent(language -> {
            throw top.fail("QueryLanguage '" + language + "' is not supported; only JSONPath is");
        });
        top.optionalString("Version").filter(version -> !version.equals("1.0")).ifPresent(version -> {
            throw top.fail("Version '" + version + "' is not supported; only 1.0 is");
        });
        OptionalInt timeout = top.optionalInteger("TimeoutSeconds", 1, MAX_SECONDS);
        return new StateMachineDefinition(graph(top), timeout, json);
    }

    private StateGraph graph(NodeReader reader) {
        String startAt = reader.requiredString("StartAt");
        JsonNode statesNode = reader.requiredObject("States");
        if (statesNode.isEmpty()) {
            throw reader.fail("'States' must contain at least one state");
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
            states.put(entry.getKey(), state(entry.getKey(), entry.getValue()));
        }
        if (!states.containsKey(startAt)) {
            throw reader.fail("StartAt '" + startAt + "' is not a state in the same scope");
        }
        checkTransitions(states);
        checkReachability(startAt, states);
        return new StateGraph(startAt, states);
    }

    private State state(String name, JsonNode node) {
        if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
            throw new AslDefinitionException(name,
                    "a state name must have 1 to " + MAX_STATE_NAME_LENGTH + " characters");
        }
        if (!stateNames.add(name)) {
            throw new AslDefinitionException(name, "the state name is used more than once in the state machine");
        }
        NodeReader reader = new NodeReader(name, node, "a state");
        String type = reader.requiredString("Type");
        return switch (type) {
            case "Pass" -> pass(name, reader);
            case "Task" -> task(name, reader);
            case "Choice" -> choice(name, reader);
            case "Wait" -> waitState(name, reader);
            case "Succeed" -> succeed(name, reader);
            case "Fail" -> fail(name, reader);
            case "Parallel" -> parallel(name, reader);
            case "Map" -> map(name, reader);
            default -> throw reader.fail("unknown state type '" + type + "'");
        };
    }

    private State pass(String name, NodeReader reader) {
        reader.allowOnly(fields(TRANSITION, IO, Set.of("ResultPath", "Parameters", "Result")));
        return new State.Pass(name, io(reader), reader.template("Parameters"),
                Optional.ofNullable(reader.node().get("Result")), reader.resultPath("ResultPath"), next(reader));
    }

    private State task(String name, NodeReader reader) {
        reader.allowOnly(fields(TRANSITION, IO, RESULT, RECOVERY, Set.of("Resource", "Parameters",
                "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath")));
        TaskResource resource = TaskResourceParser.parse(reader);
        return new State.Task(name, io(reader), resource, reader.template("Parameters"), results(reader),
                timeouts(reader), errorHandlingParser.parse(reader), next(reader));
    }

    private State choice(String name, NodeReader reader) {
        reader.allowOnly(fields(IO, Set.of("Choices", "Default")));
        List<ChoiceRule> rules = new ArrayList<>();
        for (JsonNode rule : reader.requiredArray("Choices")) {
            rules.add(conditionParser.topLevelRule(name, rule));
        }
        return new State.Choice(name, io(reader), rules, reader.optionalString("Default"));
    }

    private State waitState(String name, NodeReader reader) {
        reader.allowOnly(fields(TRANSITION, IO, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")));
        List<String> given = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath").stream()
                .filter(reader::has).toList();
        if (given.size() != 1) {
            throw reader.fail("a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath; got "
                    + given);
        }
        WaitTime waitTime = switch (given.getFirst()) {
            case "Seconds" -> new WaitTime.Seconds(reader.optionalInteger("Seconds", 0, MAX_SECONDS).getAsInt());
            case "SecondsPath" -> new WaitTime.SecondsPath(reader.path("SecondsPath"));
            case "Timestamp" -> new WaitTime.Timestamp(Timestamps.parse(reader.requiredString("Timestamp"))
                    .orElseThrow(() -> reader.fail("Timestamp must be an RFC 3339 timestamp")));
            default -> new WaitTime.TimestampPath(reader.path("TimestampPath"));
        };
        return new State.Wait(name, io(reader), waitTime, next(reader));
    }

    private State succeed(String name, NodeReader reader) {
        reader.allowOnly(fields(IO));
        return new State.Succeed(name, io(reader));
    }

    private State fail(String name, NodeReader reader) {
        reader.allowOnly(fields(Set.of("Error", "ErrorPath", "Cause", "CausePath")));
        return new State.Fail(name, textSource(reader, "Error"), textSource(reader, "Cause"));
    }

    private State parallel(String name, NodeReader reader) {
        reader.allowOnly(fields(TRANSITION, IO, RESULT, RECOVERY, Set.of("Branches", "Parameters")));
        List<StateGraph> branches = new ArrayList<>();
        for (JsonNode branch : reader.requiredArray("Branches")) {
            NodeReader branchReader = new NodeReader(name, branch, "a branch");
            branchReader.allowOnly(GRAPH_FIELDS);
            branches.add(graph(branchReader));
        }
        return new State.Parallel(name, io(reader), branches, reader.template("Parameters"), results(reader),
                errorHandlingParser.parse(reader), next(reader));
    }

    private State map(String name, NodeReader reader) {
        reader.allowOnly(fields(TRANSITION, IO, RESULT, RECOVERY,
                Set.of("ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "Parameters", "MaxConcurrency")));
        if (reader.has("ItemProcessor") == reader.has("Iterator")) {
            throw reader.fail("a Map state needs exactly one of ItemProcessor and Iterator");
        }
        if (reader.has("ItemSelector") && reader.has("Parameters")) {
            throw reader.fail("a Map state cannot have both ItemSelector and Parameters");
        }
        StateGraph processor = reader.has("ItemProcessor")
                ? itemProcessor(name, reader.requiredObject("ItemProcessor"))
                : iterator(name, reader.requiredObject("Iterator"));
        JsonPath itemsPath = reader.has("ItemsPath") ? reader.path("ItemsPath") : JsonPath.ROOT;
        return new State.Map(name, io(reader), processor, itemsPath,
                reader.template(reader.has("Parameters") ? "Parameters" : "ItemSelector"),
                reader.optionalInteger("MaxConcurrency", 0, Integer.MAX_VALUE).orElse(0),
                results(reader), errorHandlingParser.parse(reader), next(reader));
    }

    private StateGraph itemProcessor(String mapName, JsonNode node) {
        NodeReader reader = new NodeReader(mapName, node, "ItemProcessor");
        reader.allowOnly(ITEM_PROCESSOR_FIELDS);
        if (reader.has("ProcessorConfig")) {
            NodeReader config = new NodeReader(mapName, reader.requiredObject("ProcessorConfig"), "ProcessorConfig");
            config.allowOnly(Set.of("Mode", "ExecutionType"));
            String mode = config.optionalString("Mode").orElse("INLINE");
            if (!mode.equals("INLINE")) {
                throw config.fail("ProcessorConfig Mode '" + mode + "' is not supported; only INLINE is");
            }
            if (config.has("ExecutionType")) {
                throw config.fail("ProcessorConfig ExecutionType applies only to DISTRIBUTED mode");
            }
        }
        return graph(reader);
    }

    private StateGraph iterator(String mapName, JsonNode node) {
        NodeReader reader = new NodeReader(mapName, node, "Iterator");
        reader.allowOnly(GRAPH_FIELDS);
        return graph(reader);
    }

    private static InputOutput io(NodeReader reader) {
        return new InputOutput(reader.pathOrNull("InputPath"), reader.pathOrNull("OutputPath"));
    }

    private static ResultHandling results(NodeReader reader) {
        return new ResultHandling(reader.template("ResultSelector"), reader.resultPath("ResultPath"));
    }

    private static TaskTimeouts timeouts(NodeReader reader) {
        if (reader.has("TimeoutSeconds") && reader.has("TimeoutSecondsPath")) {
            throw reader.fail("a Task cannot have both TimeoutSeconds and TimeoutSecondsPath");
        }
        if (reader.has("HeartbeatSeconds") && reader.has("HeartbeatSecondsPath")) {
            throw reader.fail("a Task cannot have both HeartbeatSeconds and HeartbeatSecondsPath");
        }
        OptionalInt timeout = reader.optionalInteger("TimeoutSeconds", 1, MAX_SECONDS);
        OptionalInt heartbeat = reader.optionalInteger("HeartbeatSeconds", 1, MAX_SECONDS);
        if (timeout.isPresent() && heartbeat.isPresent() && heartbeat.getAsInt() >= timeout.getAsInt()) {
            throw reader.fail("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new TaskTimeouts(timeout,
                optionalPath(reader, "TimeoutSecondsPath"),
                heartbeat,
                optionalPath(reader, "HeartbeatSecondsPath"));
    }

    private static Optional<JsonPath> optionalPath(NodeReader reader, String field) {
        return reader.has(field) ? Optional.of(reader.path(field)) : Optional.empty();
    }

    private static Optional<String> next(NodeReader reader) {
        JsonNode end = reader.node().get("End");
        boolean hasNext = reader.has("Next");
        if (end != null && !(end.isBoolean() && end.booleanValue())) {
            throw reader.fail("End must be true when present");
        }
        if (hasNext && end != null) {
            throw reader.fail("a state cannot have both Next and End");
        }
        if (!hasNext && end == null) {
            throw reader.fail("a state of this type must have either Next or \"End\": true");
        }
        return reader.optionalString("Next");
    }

    private static Optional<TextSource> textSource(NodeReader reader, String field) {
        String pathField = field + "Path";
        if (reader.has(field) && reader.has(pathField)) {
            throw reader.fail("a Fail state cannot have both " + field + " and " + pathField);
        }
        if (reader.has(field)) {
            return Optional.of(new TextSource.Fixed(reader.requiredString(field)));
        }
        if (!reader.has(pathField)) {
            return Optional.empty();
        }
        String expression = reader.requiredString(pathField);
        try {
            return Optional.of(IntrinsicExpression.looksLikeCall(expression)
                    ? new TextSource.FromCall(IntrinsicExpression.parse(expression))
                    : new TextSource.FromPath(JsonPath.parse(expression)));
        } catch (IllegalArgumentException e) {
            throw reader.fail("field '" + pathField + "': " + e.getMessage());
        }
    }

    private static void checkTransitions(Map<String, State> states) {
        for (State state : states.values()) {
            for (String target : targets(state)) {
                if (!states.containsKey(target)) {
                    throw new AslDefinitionException(state.name(),
                            "transitions to '" + target + "', which is not a state in the same scope");
                }
            }
        }
    }

    private static void checkReachability(String startAt, Map<String, State> states) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name)) {
                pending.addAll(targets(states.get(name)));
            }
        }
        for (String name : states.keySet()) {
            if (!reached.contains(name)) {
                throw new AslDefinitionException(name, "the state is not reachable from StartAt '" + startAt + "'");
            }
        }
    }

    private static List<String> targets(State state) {
        List<String> targets = new ArrayList<>();
        switch (state) {
            case State.Pass pass -> pass.next().ifPresent(targets::add);
            case State.Task task -> {
                task.next().ifPresent(targets::add);
                addCatchTargets(task.errors(), targets);
            }
            case State.Choice choice -> {
                choice.choices().forEach(rule -> targets.add(rule.next()));
                choice.defaultNext().ifPresent(targets::add);
            }
            case State.Wait wait -> wait.next().ifPresent(targets::add);
            case State.Parallel parallel -> {
                parallel.next().ifPresent(targets::add);
                addCatchTargets(parallel.errors(), targets);
            }
            case State.Map map -> {
                map.next().ifPresent(targets::add);
                addCatchTargets(map.errors(), targets);
            }
            case State.Succeed succeed -> { }
            case State.Fail fail -> { }
        }
        return targets;
    }

    private static void addCatchTargets(ErrorHandling errors, List<String> targets) {
        errors.catchers().forEach(catcher -> targets.add(catcher.next()));
    }

    @SafeVarargs
    private static Set<String> fields(Set<String>... groups) {
        Set<String> all = new HashSet<>(COMMON);
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        return all;
    }
}
