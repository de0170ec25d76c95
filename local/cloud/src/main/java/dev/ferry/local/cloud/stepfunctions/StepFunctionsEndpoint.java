package dev.ferry.local.cloud.stepfunctions;

import dev.ferry.local.cloud.http.Headers;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.engine.api.ApiResponse;
import dev.ferry.local.engine.api.StepFunctionsApiHandler;

import java.util.function.Consumer;

/**
 * The local Step Functions engine on the local cloud's port: JSON 1.0 requests whose
 * {@code X-Amz-Target} is {@code AWSStepFunctions.<Operation>}. The input of every execution that
 * starts is handed to a listener, so the local cloud can prepare for the wave it runs.
 */
public final class StepFunctionsEndpoint implements LocalService {

    private static final String START_EXECUTION = StepFunctionsApiHandler.TARGET_PREFIX + "StartExecution";

    private final StepFunctionsApiHandler api;
    private final Consumer<byte[]> startedExecutionRequests;

    /**
     * @param api                      the engine's API
     * @param startedExecutionRequests told of the body of each StartExecution request that succeeded
     */
    public StepFunctionsEndpoint(StepFunctionsApiHandler api, Consumer<byte[]> startedExecutionRequests) {
        this.api = api;
        this.startedExecutionRequests = startedExecutionRequests;
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return StepFunctionsApiHandler.handles(request.header("x-amz-target").orElse(null));
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        ApiResponse response = api.handle(Headers.multiValued(request), request.body());
        if (response.status() == 200 && START_EXECUTION.equals(request.header("x-amz-target").orElse(""))) {
            startedExecutionRequests.accept(request.body());
        }
        return new LocalResponse(response.status(), response.headers(), response.body());
    }
}
