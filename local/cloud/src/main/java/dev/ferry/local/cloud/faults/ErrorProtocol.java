package dev.ferry.local.cloud.faults;

import dev.ferry.local.cloud.http.LocalResponse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a service's protocol spells a throttling error and a server error, so that the SDK of the
 * caller classifies an injected fault as it would the real service's: throttling by its error code
 * (or MGN's 429), a server error by its 5xx status. Each protocol names its codes and renders an
 * error body its own way.
 */
public enum ErrorProtocol {

    /** MGN (REST-JSON): the code in {@code x-amzn-ErrorType}; throttling is 429 with {@code Retry-After}. */
    REST_JSON(429, "ThrottlingException", "Rate exceeded", "InternalServerException", "ServiceUnavailableException") {
        @Override
        LocalResponse throttled() {
            LocalResponse throttled = super.throttled();
            Map<String, String> headers = new HashMap<>(throttled.headers());
            headers.put("Retry-After", "1");
            return new LocalResponse(throttled.status(), headers, throttled.body());
        }

        @Override
        LocalResponse error(int status, String code, String message) {
            return response(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", code),
                    "{\"message\":\"" + message + "\"}");
        }
    },

    /** DynamoDB (JSON 1.0) and Systems Manager (JSON 1.1): the error's code in {@code __type}. */
    AWS_JSON(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.", "InternalServerError",
            "ServiceUnavailable") {
        @Override
        LocalResponse error(int status, String code, String message) {
            return response(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }
    },

    /** EC2's own query protocol: {@code Response/Errors/Error}, throttling as 503 {@code RequestLimitExceeded}. */
    EC2_QUERY(503, "RequestLimitExceeded", "Request limit exceeded.", "InternalError", "Unavailable") {
        @Override
        LocalResponse error(int status, String code, String message) {
            return xml(status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>");
        }
    },

    /** IAM and SNS (query) and Route 53 (REST-XML): {@code ErrorResponse/Error}, throttling as 400 {@code Throttling}. */
    XML_ERROR_RESPONSE(400, "Throttling", "Rate exceeded", "InternalFailure", "ServiceUnavailable") {
        @Override
        LocalResponse error(int status, String code, String message) {
            // The sender is at fault for a 4xx, the service for a 5xx.
            String type = status >= 500 ? "Receiver" : "Sender";
            return xml(status, "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                    + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        }
    },

    /** S3: a bare {@code Error}, throttling as 503 {@code SlowDown}. */
    S3_XML(503, "SlowDown", "Please reduce your request rate.", "InternalError", "ServiceUnavailable") {
        @Override
        LocalResponse error(int status, String code, String message) {
            return xml(status, "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>"
                    + UUID.randomUUID() + "</RequestId></Error>");
        }
    };

    private static final String SERVER_ERROR_MESSAGE = "Injected: the service failed to process the request.";

    private final int throttlingStatus;
    private final String throttlingCode;
    private final String throttlingMessage;
    private final String internalErrorCode;
    private final String unavailableCode;

    ErrorProtocol(int throttlingStatus, String throttlingCode, String throttlingMessage, String internalErrorCode,
                  String unavailableCode) {
        this.throttlingStatus = throttlingStatus;
        this.throttlingCode = throttlingCode;
        this.throttlingMessage = throttlingMessage;
        this.internalErrorCode = internalErrorCode;
        this.unavailableCode = unavailableCode;
    }

    /** The service's answer when it throttles the caller. */
    LocalResponse throttled() {
        return error(throttlingStatus, throttlingCode, throttlingMessage);
    }

    /** The service's answer when it fails: 503 when {@code unavailable}, else 500. */
    LocalResponse serverError(boolean unavailable) {
        return unavailable ? error(503, unavailableCode, SERVER_ERROR_MESSAGE)
                : error(500, internalErrorCode, SERVER_ERROR_MESSAGE);
    }

    /** An error answer in this protocol's shape. */
    abstract LocalResponse error(int status, String code, String message);

    private static LocalResponse xml(int status, String body) {
        return response(status, Map.of("Content-Type", "text/xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static LocalResponse response(int status, Map<String, String> headers, String body) {
        return new LocalResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
