package dev.ferry.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.ExecutionDescription;
import dev.ferry.local.engine.HistoryEvent;
import dev.ferry.local.engine.StateMachine;
import dev.ferry.local.engine.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** The JSON shapes of the Step Functions service model (2016-11-23). */
final class WireFormat {

    private static final String STANDARD = "STANDARD";
    private static final Set<String> EXECUTION_DATA_FIELDS = Set.of("input", "output", "inputDetails", "outputDetails");

    private WireFormat() {
    }

    /** A timestamp as the JSON protocol sends it: epoch seconds, with milliseconds as the fraction. */
    static BigDecimal timestamp(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static ObjectNode stateMachineListItem(StateMachine stateMachine) {
        return Json.object()
                .put("stateMachineArn", stateMachine.arn())
                .put("name", stateMachine.name())
                .put("type", STANDARD)
                .put("creationDate", timestamp(stateMachine.creationDate()));
    }

    static ObjectNode stateMachineDescription(StateMachine stateMachine) {
        ObjectNode description = Json.object()
                .put("stateMachineArn", stateMachine.arn())
                .put("name", stateMachine.name())
                .put("status", "ACTIVE")
                .put("definition", stateMachine.definition().source())
                .put("roleArn", stateMachine.roleArn())
                .put("type", STANDARD)
                .put("creationDate", timestamp(stateMachine.creationDate()));
        description.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        description.putObject("tracingConfiguration").put("enabled", false);
        return description;
    }

    static ObjectNode executionListItem(ExecutionDescription execution) {
        ObjectNode item = Json.object()
                .put("executionArn", execution.executionArn())
                .put("stateMachineArn", execution.stateMachineArn())
                .put("name", execution.name())
                .put("status", execution.status().name())
                .put("startDate", timestamp(execution.startDate()));
        execution.stopDateIfStopped().ifPresent(stop -> item.put("stopDate", timestamp(stop)));
        return item;
    }

    static ObjectNode executionDescription(ExecutionDescription execution) {
        ObjectNode description = executionListItem(execution).put("input", execution.input());
        description.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            description.put("output", execution.output());
            description.putObject("outputDetails").put("included", true);
        }
        putIfPresent(description, "error", execution.error());
        putIfPresent(description, "cause", execution.cause());
        description.put("redriveCount", 0).put("redriveStatus", "NOT_REDRIVABLE");
        return description;
    }

    static ObjectNode historyEvent(HistoryEvent event, boolean includeExecutionData) {
        ObjectNode node = Json.object()
                .put("timestamp", timestamp(event.timestamp()))
                .put("type", event.type().wireName())
                .put("id", event.id())
                .put("previousEventId", event.previousEventId());
        event.detailsIfAny().ifPresent(details -> {
            ObjectNode copy = details.deepCopy();
            if (!includeExecutionData) {
                copy.remove(EXECUTION_DATA_FIELDS);
            }
            node.set(event.type().detailsField(), copy);
        });
        return node;
    }

    static String optionalText(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
