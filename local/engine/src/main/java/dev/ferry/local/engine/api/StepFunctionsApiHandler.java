package dev.ferry.local.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.ExecutionDescription;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.engine.HistoryEvent;
import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.engine.StateMachine;
import dev.ferry.local.engine.StepFunctionsError;
import dev.ferry.local.engine.StepFunctionsException;
import dev.ferry.local.engine.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Step Functions JSON 1.0 protocol over a {@link LocalStepFunctions}: the operation comes from the
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>} header, the request and response are JSON, and
 * errors are HTTP 400 with {@code {"__type": ..., "message": ...}}. It does not depend on an HTTP
 * server, so one port can route to it by target prefix alongside other services.
 */
public final class StepFunctionsApiHandler {

    /** The prefix of every X-Amz-Target this handler serves. */
    public static final String TARGET_PREFIX = "AWSStepFunctions.";
    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final int DEFAULT_LIST_PAGE = 100;
    private static final int DEFAULT_HISTORY_PAGE = 1000;

    private final LocalStepFunctions engine;
    private final Map<String, Function<JsonNode, ObjectNode>> operations = new TreeMap<>();

    /** Creates a handler for {@code engine}. */
    public StepFunctionsApiHandler(LocalStepFunctions engine) {
        this.engine = engine;
        operations.put("CreateStateMachine", this::createStateMachine);
        operations.put("ListStateMachines", this::listStateMachines);
        operations.put("DescribeStateMachine", this::describeStateMachine);
        operations.put("StartExecution", this::startExecution);
        operations.put("DescribeExecution", this::describeExecution);
        operations.put("ListExecutions", this::listExecutions);
        operations.put("GetExecutionHistory", this::getExecutionHistory);
        operations.put("StopExecution", this::stopExecution);
        operations.put("SendTaskSuccess", this::sendTaskSuccess);
        operations.put("SendTaskFailure", this::sendTaskFailure);
        operations.put("SendTaskHeartbeat", this::sendTaskHeartbeat);
    }

    /** True if a request with this X-Amz-Target belongs to this handler. */
    public static boolean handles(String amzTarget) {
        return amzTarget != null && amzTarget.startsWith(TARGET_PREFIX);
    }

    /**
     * Handles one request.
     *
     * @param headers request headers, any case
     * @param body the JSON request body
     */
    public ApiResponse handle(Map<String, List<String>> headers, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        try {
            String operation = operation(headers);
            JsonNode request = parse(body);
            ObjectNode response = operations.get(operation).apply(request);
            return new ApiResponse(200, responseHeaders(requestId), Json.bytes(response));
        } catch (StepFunctionsException e) {
            return error(requestId, e.error().wireName(), e.getMessage());
        } catch (ApiException e) {
            return error(requestId, e.errorType(), e.getMessage());
        } catch (RuntimeException e) {
            // A defect in the engine must still answer the client, not drop its connection.
            return new ApiResponse(500, errorHeaders(requestId, "InternalFailure"),
                    Json.bytes(Json.object().put("__type", "InternalFailure").put("message", String.valueOf(e))));
        }
    }

    private String operation(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        String target = Optional.ofNullable(byName.get(TARGET_HEADER)).filter(values -> !values.isEmpty())
                .map(List::getFirst).orElse(null);
        if (!handles(target) || !operations.containsKey(target.substring(TARGET_PREFIX.length()))) {
            throw new ApiException("UnknownOperationException", "Unknown operation: " + target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode request = Json.parse(body);
            if (!request.isObject()) {
                throw new ApiException("SerializationException", "The request body must be a JSON object");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new ApiException("SerializationException", "The request body is not valid JSON");
        }
    }

    private ObjectNode createStateMachine(JsonNode request) {
        String type = Optional.ofNullable(WireFormat.optionalText(request, "type")).orElse("STANDARD");
        if (!type.equals("STANDARD")) {
            throw new StepFunctionsException(StepFunctionsError.STATE_MACHINE_TYPE_NOT_SUPPORTED,
                    "State machine type " + type + " is not supported; only STANDARD is");
        }
        StateMachine created = engine.createStateMachine(WireFormat.optionalText(request, "name"),
                WireFormat.optionalText(request, "definition"), WireFormat.optionalText(request, "roleArn"));
        return Json.object().put("stateMachineArn", created.arn())
                .put("creationDate", WireFormat.timestamp(created.creationDate()));
    }

    private ObjectNode listStateMachines(JsonNode request) {
        Pages.Page<StateMachine> page = Pages.of(engine.listStateMachines(), request.path("maxResults").asInt(),
                DEFAULT_LIST_PAGE, WireFormat.optionalText(request, "nextToken"));
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("stateMachines");
        page.items().forEach(stateMachine -> items.add(WireFormat.stateMachineListItem(stateMachine)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode describeStateMachine(JsonNode request) {
        return WireFormat.stateMachineDescription(
                engine.describeStateMachine(WireFormat.optionalText(request, "stateMachineArn")));
    }

    private ObjectNode startExecution(JsonNode request) {
        ExecutionDescription started = engine.startExecution(WireFormat.optionalText(request, "stateMachineArn"),
                WireFormat.optionalText(request, "name"), WireFormat.optionalText(request, "input"));
        return Json.object().put("executionArn", started.executionArn())
                .put("startDate", WireFormat.timestamp(started.startDate()));
    }

    private ObjectNode describeExecution(JsonNode request) {
        return WireFormat.executionDescription(
                engine.describeExecution(WireFormat.optionalText(request, "executionArn")));
    }

    private ObjectNode listExecutions(JsonNode request) {
        Optional<ExecutionStatus> status = Optional.ofNullable(WireFormat.optionalText(request, "statusFilter"))
                .map(StepFunctionsApiHandler::status);
        List<ExecutionDescription> executions =
                engine.listExecutions(WireFormat.optionalText(request, "stateMachineArn"), status);
        Pages.Page<ExecutionDescription> page = Pages.of(executions, request.path("maxResults").asInt(),
                DEFAULT_LIST_PAGE, WireFormat.optionalText(request, "nextToken"));
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("executions");
        page.items().forEach(execution -> items.add(WireFormat.executionListItem(execution)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode getExecutionHistory(JsonNode request) {
        List<HistoryEvent> events = new ArrayList<>(
                engine.getExecutionHistory(WireFormat.optionalText(request, "executionArn")));
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Pages.Page<HistoryEvent> page = Pages.of(events, request.path("maxResults").asInt(),
                DEFAULT_HISTORY_PAGE, WireFormat.optionalText(request, "nextToken"));
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("events");
        page.items().forEach(event -> items.add(WireFormat.historyEvent(event, includeData)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode stopExecution(JsonNode request) {
        ExecutionDescription stopped = engine.stopExecution(WireFormat.optionalText(request, "executionArn"),
                WireFormat.optionalText(request, "error"), WireFormat.optionalText(request, "cause"));
        return Json.object().put("stopDate", WireFormat.timestamp(stopped.stopDateIfStopped().orElseThrow()));
    }

    private ObjectNode sendTaskSuccess(JsonNode request) {
        engine.sendTaskSuccess(WireFormat.optionalText(request, "taskToken"),
                WireFormat.optionalText(request, "output"));
        return Json.object();
    }

    private ObjectNode sendTaskFailure(JsonNode request) {
        engine.sendTaskFailure(WireFormat.optionalText(request, "taskToken"), WireFormat.optionalText(request, "error"),
                WireFormat.optionalText(request, "cause"));
        return Json.object();
    }

    private ObjectNode sendTaskHeartbeat(JsonNode request) {
        engine.sendTaskHeartbeat(WireFormat.optionalText(request, "taskToken"));
        return Json.object();
    }

    private static ExecutionStatus status(String text) {
        try {
            return ExecutionStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(StepFunctionsError.VALIDATION,
                    "1 validation error detected: Value '" + text + "' at 'statusFilter' failed to satisfy constraint");
        }
    }

    private static Map<String, String> responseHeaders(String requestId) {
        return Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", requestId);
    }

    private static ApiResponse error(String requestId, String errorType, String message) {
        ObjectNode body = Json.object().put("__type", errorType).put("message", message);
        return new ApiResponse(400, errorHeaders(requestId, errorType), Json.bytes(body));
    }

    private static Map<String, String> errorHeaders(String requestId, String errorType) {
        return Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", requestId, "X-Amzn-ErrorType", errorType);
    }
}
