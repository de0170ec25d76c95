package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * EventBridge's {@code PutEvents} in its JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.PutEvents}),
 * the way the SDK and the AWS CLI call it, onto the {@link LocalEventBridge}'s default bus. It keeps
 * EventBridge's rules: 1 to 10 entries and 256 KiB per call (sizes counted as EventBridge counts them),
 * each entry with a source, a detail type and a detail that is a JSON object; an entry that breaks a
 * rule of its own fails alone ({@code FailedEntryCount}, {@code ErrorCode}) while the others are put.
 * Other EventBridge operations are refused.
 */
public final class EventBusEndpoint implements LocalService {

    private static final String TARGET_PREFIX = "AWSEvents.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int TIME_BYTES = 14;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalEventBridge bus;

    public EventBusEndpoint(LocalEventBridge bus) {
        this.bus = bus;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.header("x-amz-target").orElse("").startsWith(TARGET_PREFIX);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        String operation = request.header("x-amz-target").orElseThrow().substring(TARGET_PREFIX.length());
        if (!"PutEvents".equals(operation)) {
            return error("UnknownOperationException", "The local EventBridge answers PutEvents only, not " + operation);
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return error("SerializationException", "The request is not JSON: " + e.getMessage());
        }
        JsonNode entries = body == null ? null : body.get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            return error("ValidationException", "1 validation error detected: Value at 'entries' failed to satisfy"
                    + " constraint: Member must have length between 1 and " + MAX_ENTRIES);
        }
        int size = 0;
        for (JsonNode entry : entries) {
            size += size(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            return error("ValidationException", "Total size of the entries in the request is over the limit.");
        }

        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        Instant now = bus.now();
        for (JsonNode entry : entries) {
            String problem = problem(entry);
            ObjectNode result = results.addObject();
            if (problem != null) {
                failed++;
                result.put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument");
                result.put("ErrorMessage", problem);
                continue;
            }
            String id = UUID.randomUUID().toString();
            bus.putFromApi(envelope(id, entry, now), now);
            result.put("EventId", id);
        }
        response.put("FailedEntryCount", failed);
        return LocalResponse.of(200, CONTENT_TYPE, response.toString());
    }

    /** Why an entry cannot be put, or null. */
    private static String problem(JsonNode entry) {
        for (String field : new String[] {"Source", "DetailType", "Detail"}) {
            if (!entry.path(field).isTextual() || entry.path(field).asText().isBlank()) {
                return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
        }
        String busName = entry.path("EventBusName").asText("default");
        if (!busName.equals("default") && !busName.endsWith(":event-bus/default")) {
            return "Parameter EventBusName is not valid. Reason: the local cloud has only the default event bus, not "
                    + busName;
        }
        try {
            JsonNode detail = JSON.readTree(entry.path("Detail").asText());
            if (detail == null || !detail.isObject()) {
                return "Detail is malformed: it must be a JSON object.";
            }
        } catch (IOException e) {
            return "Detail is malformed: " + e.getMessage();
        }
        if (entry.has("Time") && time(entry.get("Time"), null) == null) {
            return "Parameter Time is not valid: " + entry.get("Time");
        }
        return null;
    }

    private ObjectNode envelope(String id, JsonNode entry, Instant now) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", entry.path("DetailType").asText());
        envelope.put("source", entry.path("Source").asText());
        envelope.put("account", bus.accountId());
        envelope.put("time", LocalEventBridge.timestamp(time(entry.get("Time"), now)));
        envelope.put("region", bus.region());
        ArrayNode resources = envelope.putArray("resources");
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        try {
            envelope.set("detail", JSON.readTree(entry.path("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("A detail checked as JSON is not JSON", e);
        }
        return envelope;
    }

    /** The entry's time: epoch seconds as the SDK and the CLI send it, or ISO-8601; {@code fallback} when absent. */
    private static Instant time(JsonNode time, Instant fallback) {
        if (time == null || time.isNull()) {
            return fallback;
        }
        if (time.isNumber()) {
            return Instant.ofEpochMilli(Math.round(time.asDouble() * 1000));
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The entry's size as EventBridge counts it. */
    private static int size(JsonNode entry) {
        int size = entry.has("Time") ? TIME_BYTES : 0;
        for (String field : new String[] {"Source", "DetailType", "Detail"}) {
            size += entry.path(field).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private static LocalResponse error(String code, String message) {
        ObjectNode error = JSON.createObjectNode().put("__type", code).put("message", message);
        return LocalResponse.of(400, CONTENT_TYPE, error.toString());
    }
}
