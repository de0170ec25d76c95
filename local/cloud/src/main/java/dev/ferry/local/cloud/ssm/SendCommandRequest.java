package dev.ferry.local.cloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SendCommand request, checked as Systems Manager checks it: a document, the instances by ID, a
 * comment of at most 100 characters, and the parameters the script documents define.
 *
 * @param documentName     the document to run
 * @param instanceIds      the instances to run it on
 * @param comment          the sender's comment, or empty
 * @param parameters       every parameter given
 * @param commands         the script's lines
 * @param deliveryTimeout  {@code TimeoutSeconds}: how long it may wait for an instance
 * @param executionTimeout the {@code executionTimeout} parameter: how long the script may run
 */
record SendCommandRequest(String documentName, List<String> instanceIds, String comment,
                          Map<String, List<String>> parameters, List<String> commands, Duration deliveryTimeout,
                          Duration executionTimeout) {

    /** The parameters of AWS-RunShellScript and AWS-RunPowerShellScript. */
    private static final Set<String> SCRIPT_PARAMETERS = Set.of("commands", "workingDirectory", "executionTimeout");
    private static final int MAX_INSTANCES = 50;
    private static final long MAX_EXECUTION_TIMEOUT_SECONDS = 172_800;
    private static final long MIN_DELIVERY_TIMEOUT_SECONDS = 30;
    private static final long MAX_DELIVERY_TIMEOUT_SECONDS = 2_592_000;

    static SendCommandRequest of(JsonNode body) {
        String documentName = SsmSimulator.requiredText(body, "DocumentName");
        List<String> instanceIds = instanceIds(body);
        String comment = body.path("Comment").asText("");
        if (comment.length() > SsmSimulator.MAX_COMMENT_LENGTH) {
            throw new SsmException("ValidationException", "1 validation error detected: Value '" + comment
                    + "' at 'comment' failed to satisfy constraint: Member must have length less than or equal to "
                    + SsmSimulator.MAX_COMMENT_LENGTH);
        }
        Map<String, List<String>> parameters = parameters(body.path("Parameters"));
        List<String> commands = parameters.getOrDefault("commands", List.of());
        if (commands.isEmpty()) {
            throw new SsmException("InvalidParameters", "Parameter \"commands\" is required by " + documentName);
        }
        return new SendCommandRequest(documentName, instanceIds, comment, parameters, commands,
                deliveryTimeout(body), executionTimeout(parameters));
    }

    private static List<String> instanceIds(JsonNode body) {
        JsonNode ids = body.path("InstanceIds");
        if (!ids.isArray() || ids.isEmpty()) {
            throw new SsmException("ValidationException", body.has("Targets")
                    ? "The rehearsal's Systems Manager sends commands to InstanceIds only, not to Targets"
                    : "Specify InstanceIds or Targets");
        }
        if (ids.size() > MAX_INSTANCES) {
            throw new SsmException("ValidationException", "1 validation error detected: Value at 'instanceIds' failed "
                    + "to satisfy constraint: Member must have length less than or equal to " + MAX_INSTANCES);
        }
        List<String> instanceIds = new ArrayList<>();
        ids.forEach(id -> instanceIds.add(id.asText()));
        return List.copyOf(instanceIds);
    }

    private static Map<String, List<String>> parameters(JsonNode node) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!SCRIPT_PARAMETERS.contains(field.getKey())) {
                throw new SsmException("InvalidParameters", "Parameter \"" + field.getKey()
                        + "\" is not defined by the document (it takes " + String.join(", ", SCRIPT_PARAMETERS.stream().sorted().toList()) + ")");
            }
            List<String> values = new ArrayList<>();
            field.getValue().forEach(value -> values.add(value.asText()));
            parameters.put(field.getKey(), List.copyOf(values));
        }
        return parameters;
    }

    private static Duration executionTimeout(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("executionTimeout");
        if (values == null) {
            return SsmSimulator.DEFAULT_EXECUTION_TIMEOUT;
        }
        try {
            long seconds = values.size() == 1 ? Long.parseLong(values.getFirst()) : 0;
            if (seconds >= 1 && seconds <= MAX_EXECUTION_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as for a number out of range
        }
        throw new SsmException("InvalidParameters", "Parameter \"executionTimeout\" must be one whole number of seconds"
                + " from 1 to " + MAX_EXECUTION_TIMEOUT_SECONDS + ", got " + values);
    }

    private static Duration deliveryTimeout(JsonNode body) {
        JsonNode value = body.get("TimeoutSeconds");
        if (value == null || value.isNull()) {
            return SsmSimulator.DEFAULT_DELIVERY_TIMEOUT;
        }
        if (!value.canConvertToLong() || value.longValue() < MIN_DELIVERY_TIMEOUT_SECONDS
                || value.longValue() > MAX_DELIVERY_TIMEOUT_SECONDS) {
            throw new SsmException("ValidationException", "1 validation error detected: Value '" + value.asText()
                    + "' at 'timeoutSeconds' failed to satisfy constraint: Member must have value between "
                    + MIN_DELIVERY_TIMEOUT_SECONDS + " and " + MAX_DELIVERY_TIMEOUT_SECONDS);
        }
        return Duration.ofSeconds(value.longValue());
    }
}
