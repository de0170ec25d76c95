package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.api.schema.FieldViolation;
import dev.ferry.local.mgn.api.schema.MgnRequestShapes;
import dev.ferry.local.mgn.environment.ThrottlingSpec;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.mgn.model.ErrorCode;
import dev.ferry.local.mgn.model.MgnApiException;
import dev.ferry.local.mgn.model.MgnService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MGN's REST-JSON wire protocol, independent of any HTTP server: {@code POST /<Operation>} with a JSON body in,
 * status, headers and JSON body out. Errors carry {@code x-amzn-ErrorType} and a {@code code} member, which is
 * how AWS SDKs and the AWS CLI pick the typed exception.
 */
public final class MgnApiHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    private final MgnService service;
    private final MgnOperations operations;
    private final SignatureScope signatureScope;
    private final Optional<ThrottlingSpec> throttling;
    private long throttleCounter;

    public MgnApiHandler(MgnService service) {
        this.service = service;
        this.operations = new MgnOperations(service);
        this.signatureScope = new SignatureScope(service.environment().targetRegion());
        this.throttling = service.environment().throttling();
    }

    /**
     * Answers one HTTP request. The whole request is served under the model's lock, after bringing the model up
     * to the clock, and is recorded in the call log.
     *
     * @param method  HTTP method
     * @param path    request path (a query string is ignored)
     * @param headers request headers; names are matched case-insensitively
     * @param body    request body; empty is read as {@code {}}
     */
    public MgnHttpResponse handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
        return service.exclusively(() -> {
            service.catchUpToClock();
            String operationName = operationName(path);
            String requestText = new String(body, StandardCharsets.UTF_8);
            MgnHttpResponse response;
            try {
                response = serve(method, path, operationName, headers, requestText);
            } catch (MgnApiException e) {
                response = error(e);
            }
            service.recordCall(new ApiCall(operationName, requestText, response.status(), service.now(),
                    SignatureScope.header(headers, "amz-sdk-invocation-id").orElse("")));
            return response;
        });
    }

    private MgnHttpResponse serve(String method, String path, String operationName,
                                  Map<String, List<String>> headers, String requestText) {
        MgnOperations.Operation operation = operations.find(operationName)
                .filter(found -> method.equals("POST"))
                .orElseThrow(() -> MgnApiException.unknownOperation(method, path));
        signatureScope.check(headers);
        throttleIfDue();
        JsonNode request = parse(requestText);
        validate(operationName, request);
        checkAccount(request);
        if (!operationName.equals("InitializeService")) {
            service.requireInitialized();
        }
        Optional<JsonNode> result = operation.action().apply(request);
        return respond(operation.successStatus(), result.map(JsonNode::toString).orElse(""), Map.of());
    }

    /** Every Nth call the environment asks for is throttled, whatever the operation. */
    private void throttleIfDue() {
        if (throttling.isPresent() && ++throttleCounter % throttling.get().everyNthCall() == 0) {
            throw MgnApiException.throttled();
        }
    }

    private static JsonNode parse(String requestText) {
        if (requestText.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(requestText);
        } catch (JsonProcessingException e) {
            throw MgnApiException.unparsableBody("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void validate(String operationName, JsonNode request) {
        List<FieldViolation> violations = new ArrayList<>();
        MgnRequestShapes.of(operationName).check(request, "", violations);
        if (violations.isEmpty()) {
            return;
        }
        List<String> descriptions = violations.stream().map(v -> v.path() + " " + v.message()).toList();
        List<Map<String, String>> fieldList = violations.stream()
                .map(v -> Map.of("name", v.path(), "message", v.message())).toList();
        throw MgnApiException.invalidFields(violations.size() + " validation error"
                + (violations.size() == 1 ? "" : "s") + " detected: " + String.join("; ", descriptions), fieldList);
    }

    /** This simulator serves one account; a request for a managed account would need delegated access. */
    private void checkAccount(JsonNode request) {
        String account = service.environment().accountId();
        if (request.hasNonNull("accountID") && !request.get("accountID").textValue().equals(account)) {
            throw MgnApiException.accessDenied("Account " + request.get("accountID").textValue()
                    + " is not managed by account " + account);
        }
    }

    private MgnHttpResponse error(MgnApiException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", e.getMessage());
        body.put("code", e.code().wireName());
        e.details().forEach((name, value) -> body.set(name, JSON.valueToTree(value)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-ErrorType", e.code().wireName());
        if (e.code() == ErrorCode.THROTTLING) {
            throttling.ifPresent(spec -> headers.put("Retry-After", String.valueOf(spec.retryAfterSeconds())));
        }
        return respond(e.code().httpStatus(), body.toString(), headers);
    }

    private MgnHttpResponse respond(int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("x-amzn-RequestId", service.newRequestId());
        headers.putAll(extraHeaders);
        return new MgnHttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String operationName(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return bare.startsWith("/") ? bare.substring(1) : bare;
    }
}
