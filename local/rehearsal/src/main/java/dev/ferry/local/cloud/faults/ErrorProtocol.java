package dev.ferry.local.cloud.faults;

import dev.ferry.local.cloud.http.LocalResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * How a service's protocol spells a throttling error and a server error, so that the SDK of the
 * caller classifies an injected fault as it would the real service's: throttling by its error code
 * (or MGN's 429), a server error by its 5xx status.
 */
public enum ErrorProtocol {

    /** MGN (REST-JSON): 429 {@code ThrottlingException} with {@code Retry-After}, 500 {@code InternalServerException}. */
    REST_JSON {
        @Override
        LocalResponse throttled() {
            return response(429, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "ThrottlingException",
                    "Retry-After", "1"), "{\"message\":\"Rate exceeded\"}");
        }

        @Override
        LocalResponse serverError(boolean unavailable) {
            String type = unavailable ? "ServiceUnavailableException" : "InternalServerException";
            return response(unavailable ? 503 : 500, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                    "{\"message\":\"" + SERVER_ERROR_MESSAGE + "\"}");
        }
    },

    /** DynamoDB (JSON 1.0) and Systems Manager (JSON 1.1): the error's code in {@code __type}. */
    AWS_JSON {
        @Override
        LocalResponse throttled() {
            return json(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
        }

        @Override
        LocalResponse serverError(boolean unavailable) {
            return unavailable ? json(503, "ServiceUnavailable", SERVER_ERROR_MESSAGE)
                    : json(500, "InternalServerError", SERVER_ERROR_MESSAGE);
        }

        private LocalResponse json(int status, String code, String message) {
            return response(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }
    },

    /** EC2's own query protocol: {@code Response/Errors/Error}, throttling as 503 {@code RequestLimitExceeded}. */
    EC2_QUERY {
        @Override
        LocalResponse throttled() {
            return ec2(503, "RequestLimitExceeded", "Request limit exceeded.");
        }

        @Override
        LocalResponse serverError(boolean unavailable) {
            return unavailable ? ec2(503, "Unavailable", SERVER_ERROR_MESSAGE) : ec2(500, "InternalError", SERVER_ERROR_MESSAGE);
        }

        private LocalResponse ec2(int status, String code, String message) {
            return xml(status, "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>");
        }
    },

    /** IAM and SNS (query) and Route 53 (REST-XML): {@code ErrorResponse/Error}, throttling as 400 {@code Throttling}. */
    XML_ERROR_RESPONSE {
        @Override
        LocalResponse throttled() {
            return errorResponse(400, "Sender", "Throttling", "Rate exceeded");
        }

        @Override
        LocalResponse serverError(boolean unavailable) {
            return unavailable ? errorResponse(503, "Receiver", "ServiceUnavailable", SERVER_ERROR_MESSAGE)
                    : errorResponse(500, "Receiver", "InternalFailure", SERVER_ERROR_MESSAGE);
        }

        private LocalResponse errorResponse(int status, String type, String code, String message) {
            return xml(status, "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                    + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        }
    },

    /** S3: a bare {@code Error}, throttling as 503 {@code SlowDown}. */
    S3_XML {
        @Override
        LocalResponse throttled() {
            return s3(503, "SlowDown", "Please reduce your request rate.");
        }

        @Override
        LocalResponse serverError(boolean unavailable) {
            return unavailable ? s3(503, "ServiceUnavailable", SERVER_ERROR_MESSAGE) : s3(500, "InternalError", SERVER_ERROR_MESSAGE);
        }

        private LocalResponse s3(int status, String code, String message) {
            return xml(status, "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>"
                    + UUID.randomUUID() + "</RequestId></Error>");
        }
    };

    private static final String SERVER_ERROR_MESSAGE = "Injected: the service failed to process the request.";

    /** The service's answer when it throttles the caller. */
    abstract LocalResponse throttled();

    /** The service's answer when it fails: 503 when {@code unavailable}, else 500. */
    abstract LocalResponse serverError(boolean unavailable);

    private static LocalResponse xml(int status, String body) {
        return response(status, Map.of("Content-Type", "text/xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static LocalResponse response(int status, Map<String, String> headers, String body) {
        return new LocalResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
