package dev.ferry.local.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.asl.State;
import dev.ferry.local.engine.asl.StatesErrors;
import dev.ferry.local.engine.asl.TaskResource;
import dev.ferry.local.engine.json.Bindings;
import dev.ferry.local.engine.json.Json;
import dev.ferry.local.engine.json.JsonPath;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import dev.ferry.local.engine.time.ScheduledAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A visit to a Task state. The Lambda function is invoked on the scheduler thread with no lock held,
 * taking no virtual time; a {@code .waitForTaskToken} task then waits, under its timers, for an
 * answer sent through the engine.
 */
final class TaskStateRun extends RecoverableStateRun {

    private static final String LAMBDA = "lambda";

    private final State.Task task;

    TaskStateRun(StateVisit visit, State.Task task) {
        super(visit, task.io(), task.results(), task.errors(), task.next());
        this.task = task;
    }

    @Override
    void attempt(Scope scope) {
        switch (task.resource()) {
            case TaskResource.LambdaInvoke invoke when invoke.waitForTaskToken() -> new Callback(scope, invoke).begin();
            case TaskResource.LambdaInvoke invoke -> invokeRequestResponse(scope, invoke);
            case TaskResource.LambdaFunction function -> invokeFunctionArn(scope, function);
        }
    }

    private JsonNode parameters(ObjectNode context) {
        JsonNode effective = effectiveInput(context);
        return task.parameters()
                .map(template -> DataFlow.evaluate(template, visit.bindings(effective, context)))
                .orElse(effective);
    }

    private void invokeRequestResponse(Scope scope, TaskResource.LambdaInvoke invoke) {
        ObjectNode context = context();
        JsonNode parameters = parameters(context);
        Invocation invocation = Invocation.of(parameters);
        scheduledAndStarted(invoke, parameters, context);
        if (!scope.active()) {
            return;
        }
        InvocationResult result = invokeLambda(invocation);
        if (!scope.active()) {
            return;
        }
        switch (result) {
            case InvocationResult.Success success -> {
                JsonNode response =
                        LambdaResponses.invokeResponse(parse(success.payload()), visit.run().engine().random());
                flow().record(HistoryEventType.TASK_SUCCEEDED, taskDetails(invoke).put("output", Json.write(response))
                        .set("outputDetails", FlowRun.notTruncated()));
                attemptSucceeded(response);
            }
            case InvocationResult.FunctionError error -> taskFailed(invoke, LambdaResponses.functionError(error));
        }
    }

    private void invokeFunctionArn(Scope scope, TaskResource.LambdaFunction function) {
        ObjectNode context = context();
        JsonNode parameters = parameters(context);
        ObjectNode scheduled = Json.object().put("resource", function.arn()).put("input", Json.write(parameters));
        scheduled.set("inputDetails", FlowRun.notTruncated());
        timeoutSeconds(effectiveInput(context)).ifPresent(seconds -> scheduled.put("timeoutInSeconds", seconds));
        flow().record(HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, scheduled);
        flow().record(HistoryEventType.LAMBDA_FUNCTION_STARTED, null);
        if (!scope.active()) {
            return;
        }
        InvocationResult result = invokeLambda(new Invocation(function.arn(), Json.bytes(parameters)));
        if (!scope.active()) {
            return;
        }
        switch (result) {
            case InvocationResult.Success success -> {
                JsonNode output = parse(success.payload());
                flow().record(HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED, Json.object()
                        .put("output", Json.write(output)).set("outputDetails", FlowRun.notTruncated()));
                attemptSucceeded(output);
            }
            case InvocationResult.FunctionError error -> {
                StatesError failure = LambdaResponses.functionError(error);
                flow().record(HistoryEventType.LAMBDA_FUNCTION_FAILED, errorDetails(Json.object(), failure));
                attemptFailed(failure);
            }
        }
    }

    private InvocationResult invokeLambda(Invocation invocation) {
        try {
            return visit.run().engine().invoker().invoke(invocation.functionName(), invocation.payload());
        } catch (LambdaServiceException e) {
            throw new StatesException("Lambda." + e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            // Whatever else goes wrong in delivering the call is what AWS reports as a service error.
            throw new StatesException("Lambda.ServiceException", String.valueOf(e.getMessage()));
        }
    }

    private void scheduledAndStarted(TaskResource.LambdaInvoke invoke, JsonNode parameters, ObjectNode context) {
        ObjectNode scheduled = taskDetails(invoke).put("region", visit.run().engine().region())
                .put("parameters", Json.write(parameters));
        JsonNode effective = effectiveInput(context);
        timeoutSeconds(effective).ifPresent(seconds -> scheduled.put("timeoutInSeconds", seconds));
        heartbeatSeconds(effective).ifPresent(seconds -> scheduled.put("heartbeatInSeconds", seconds));
        flow().record(HistoryEventType.TASK_SCHEDULED, scheduled);
        flow().record(HistoryEventType.TASK_STARTED, taskDetails(invoke));
    }

    private void taskFailed(TaskResource.LambdaInvoke invoke, StatesError error) {
        flow().record(HistoryEventType.TASK_FAILED, errorDetails(taskDetails(invoke), error));
        attemptFailed(error);
    }

    private OptionalInt timeoutSeconds(JsonNode effectiveInput) {
        return secondsSetting(task.timeouts().timeoutSeconds(), task.timeouts().timeoutSecondsPath(), effectiveInput,
                "TimeoutSecondsPath");
    }

    private OptionalInt heartbeatSeconds(JsonNode effectiveInput) {
        return secondsSetting(task.timeouts().heartbeatSeconds(), task.timeouts().heartbeatSecondsPath(),
                effectiveInput, "HeartbeatSecondsPath");
    }

    private OptionalInt secondsSetting(OptionalInt fixed, Optional<JsonPath> path, JsonNode effectiveInput,
            String field) {
        if (path.isEmpty()) {
            return fixed;
        }
        Bindings bindings = visit.bindings(effectiveInput, context());
        JsonNode value = DataFlow.select(path, bindings);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new StatesException(StatesErrors.RUNTIME,
                    "The " + field + " parameter does not reference a positive integer: " + value);
        }
        return OptionalInt.of(value.intValue());
    }

    private static ObjectNode taskDetails(TaskResource.LambdaInvoke invoke) {
        return Json.object().put("resourceType", LAMBDA).put("resource", invoke.historyResource());
    }

    private static ObjectNode errorDetails(ObjectNode details, StatesError error) {
        if (error.error() != null) {
            details.put("error", error.error());
        }
        if (error.cause() != null) {
            details.put("cause", error.cause());
        }
        return details;
    }

    private static JsonNode parse(byte[] payload) {
        if (payload.length == 0) {
            return Json.nodes().nullNode();
        }
        try {
            return Json.parse(payload);
        } catch (JsonProcessingException e) {
            throw new StatesException("Lambda.ServiceException",
                    "The function returned a payload that is not JSON: " + new String(payload, StandardCharsets.UTF_8));
        }
    }

    /** The function and payload named by lambda:invoke Parameters, or by a bare function ARN. */
    private record Invocation(String functionName, byte[] payload) {
        static Invocation of(JsonNode parameters) {
            JsonNode name = parameters.get("FunctionName");
            if (name == null || !name.isTextual()) {
                throw new StatesException(StatesErrors.RUNTIME, "FunctionName must be a string, got " + name);
            }
            JsonNode qualifier = parameters.get("Qualifier");
            String function = qualifier == null ? name.textValue() : name.textValue() + ":" + qualifier.asText();
            JsonNode payload = parameters.get("Payload");
            byte[] bytes = payload == null ? "{}".getBytes(StandardCharsets.UTF_8) : Json.bytes(payload);
            return new Invocation(function, bytes);
        }
    }

    /**
     * One attempt of a {@code .waitForTaskToken} task: issues the token, invokes the function with it,
     * then waits for SendTaskSuccess/Failure under TimeoutSeconds and HeartbeatSeconds.
     */
    private final class Callback implements PendingTask.Callbacks {
        private final Scope scope;
        private final TaskResource.LambdaInvoke invoke;
        private final PendingTask pending;
        private ScheduledAction heartbeatTimer = () -> { };
        private OptionalInt heartbeat = OptionalInt.empty();

        Callback(Scope scope, TaskResource.LambdaInvoke invoke) {
            this.scope = scope;
            this.invoke = invoke;
            this.pending = new PendingTask(visit.run().execution(), this);
        }

        void begin() {
            String token;
            synchronized (visit.run().engine().lock()) {
                token = visit.run().engine().tokens().issue(pending);
            }
            try {
                invokeWith(token);
            } catch (StatesException e) {
                closeToken();
                throw e;
            }
        }

        private void invokeWith(String token) {
            ObjectNode context = context();
            context.putObject("Task").put("Token", token);
            JsonNode parameters = parameters(context);
            Invocation invocation = Invocation.of(parameters);
            scheduledAndStarted(invoke, parameters, context);
            JsonNode effective = effectiveInput(context);
            timeoutSeconds(effective).ifPresent(seconds -> scope.schedule(
                    visit.run().engine().now().plusSeconds(seconds), () -> timedOut(StatesErrors.TIMEOUT)));
            heartbeat = heartbeatSeconds(effective);
            armHeartbeat();
            if (!scope.active()) {
                return;
            }
            InvocationResult result = invokeLambda(invocation);
            if (!scope.active()) {
                return;
            }
            switch (result) {
                case InvocationResult.Success success -> flow().record(HistoryEventType.TASK_SUBMITTED,
                        taskDetails(invoke).put("output", Json.write(LambdaResponses.invokeResponse(
                                parse(success.payload()), visit.run().engine().random())))
                                .set("outputDetails", FlowRun.notTruncated()));
                case InvocationResult.FunctionError error -> {
                    closeToken();
                    taskFailed(invoke, LambdaResponses.functionError(error));
                }
            }
        }

        @Override
        public void succeeded(JsonNode output) {
            if (!scope.active()) {
                return;
            }
            closeToken();
            flow().record(HistoryEventType.TASK_SUCCEEDED, taskDetails(invoke).put("output", Json.write(output))
                    .set("outputDetails", FlowRun.notTruncated()));
            attemptSucceeded(output);
        }

        @Override
        public void failed(StatesError error) {
            if (!scope.active()) {
                return;
            }
            closeToken();
            taskFailed(invoke, error);
        }

        @Override
        public void heartbeat() {
            if (scope.active()) {
                armHeartbeat();
            }
        }

        private void armHeartbeat() {
            heartbeatTimer.cancel();
            heartbeat.ifPresent(seconds -> heartbeatTimer = scope.schedule(
                    visit.run().engine().now().plusSeconds(seconds), () -> timedOut(StatesErrors.HEARTBEAT_TIMEOUT)));
        }

        private void timedOut(String error) {
            boolean closedByTimeout;
            synchronized (visit.run().engine().lock()) {
                closedByTimeout = visit.run().engine().tokens().closeIfOpen(pending);
            }
            if (!closedByTimeout) {
                // An answer was accepted before the deadline and is already queued: it decides.
                return;
            }
            StatesError timeout = new StatesError(error, null);
            flow().record(HistoryEventType.TASK_TIMED_OUT, errorDetails(taskDetails(invoke), timeout));
            attemptFailed(timeout);
        }

        private void closeToken() {
            synchronized (visit.run().engine().lock()) {
                visit.run().engine().tokens().close(pending);
            }
        }
    }
}
