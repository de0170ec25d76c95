package dev.ferry.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.lambda.InvocationResult;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Shapes Lambda outcomes the way Step Functions presents them to a state machine. */
final class LambdaResponses {

    private static final String LATEST = "$LATEST";

    private LambdaResponses() {
    }

    /** The result of {@code lambda:invoke}: the function's payload wrapped in the Invoke response. */
    static ObjectNode invokeResponse(JsonNode payload, RandomGenerator random) {
        String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
        ObjectNode headers = Json.object()
                .put("Content-Type", "application/json")
                .put("X-Amz-Executed-Version", LATEST)
                .put("x-amzn-RequestId", requestId);
        ObjectNode allHeaders = Json.object();
        headers.properties().forEach(header -> allHeaders.putArray(header.getKey()).add(header.getValue()));
        ObjectNode response = Json.object().put("ExecutedVersion", LATEST);
        response.set("Payload", payload);
        ObjectNode httpMetadata = response.putObject("SdkHttpMetadata");
        httpMetadata.set("AllHttpHeaders", allHeaders);
        httpMetadata.set("HttpHeaders", headers);
        httpMetadata.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }

    /**
     * A function error as a state error: the name is the error type and the cause the error document
     * the function returned, as JSON text.
     */
    static StatesError functionError(InvocationResult.FunctionError error) {
        ObjectNode document = Json.object()
                .put("errorMessage", error.errorMessage())
                .put("errorType", error.errorType());
        return new StatesError(error.errorType(), Json.write(document));
    }
}
