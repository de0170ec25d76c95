package dev.ferry.local.cloud.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.http.Headers;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.engine.api.ApiResponse;
import dev.ferry.local.engine.api.StepFunctionsApiHandler;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The local Step Functions engine on the local cloud's port: JSON 1.0 requests whose
 * {@code X-Amz-Target} is {@code AWSStepFunctions.<Operation>}. The input of every execution that
 * starts is handed to a listener, so the local cloud can prepare for the wave it runs. Before that,
 * the local cloud may rewrite the input of a StartExecution request (it moves the wave's loopback
 * addresses into the ones its run holds, so that two runs on one machine never share an address);
 * the execution then holds the rewritten input, as DescribeExecution shows.
 */
public final class StepFunctionsEndpoint implements LocalService {

    private static final String START_EXECUTION = StepFunctionsApiHandler.TARGET_PREFIX + "StartExecution";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StepFunctionsApiHandler api;
    private final UnaryOperator<String> executionInputs;
    private final Consumer<byte[]> startedExecutionRequests;

    /**
     * @param api                      the engine's API
     * @param executionInputs          what becomes of a StartExecution request's {@code input} before the
     *                                 engine sees it
     * @param startedExecutionRequests told of the body of each StartExecution request that succeeded, as
     *                                 the caller sent it
     */
    public StepFunctionsEndpoint(StepFunctionsApiHandler api, UnaryOperator<String> executionInputs,
                                 Consumer<byte[]> startedExecutionRequests) {
        this.api = api;
        this.executionInputs = executionInputs;
        this.startedExecutionRequests = startedExecutionRequests;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return StepFunctionsApiHandler.handles(request.header("x-amz-target").orElse(null));
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        boolean start = START_EXECUTION.equals(request.header("x-amz-target").orElse(""));
        ApiResponse response = api.handle(Headers.multiValued(request),
                start ? withInputRewritten(request.body()) : request.body());
        if (response.status() == 200 && start) {
            startedExecutionRequests.accept(request.body());
        }
        return new LocalResponse(response.status(), response.headers(), response.body());
    }

    /** The request with its input rewritten; a body that is not a JSON object with a string input is left for the engine to refuse. */
    private byte[] withInputRewritten(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            if (request instanceof ObjectNode object && request.path("input").isTextual()) {
                object.put("input", executionInputs.apply(request.path("input").asText()));
                return JSON.writeValueAsBytes(object);
            }
        } catch (IOException notJson) {
            // The engine answers a body that is not JSON with the error Step Functions gives.
        }
        return body;
    }
}
