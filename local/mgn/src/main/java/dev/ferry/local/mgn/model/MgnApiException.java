package dev.ferry.local.mgn.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An MGN API call refused by the service; the wire layer turns it into the matching HTTP error. */
public final class MgnApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    private MgnApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static MgnApiException validation(String message) {
        return new MgnApiException(ErrorCode.VALIDATION, message, Map.of("reason", "other"));
    }

    public static MgnApiException uninitialized() {
        return new MgnApiException(ErrorCode.UNINITIALIZED_ACCOUNT,
                "Account not initialized for Application Migration Service: call InitializeService first", Map.of());
    }

    public static MgnApiException notFound(String resourceType, String resourceId) {
        return new MgnApiException(ErrorCode.RESOURCE_NOT_FOUND, resourceType + " " + resourceId + " not found",
                Map.of("resourceId", resourceId, "resourceType", resourceType));
    }

    public static MgnApiException conflict(String resourceId, String message) {
        return new MgnApiException(ErrorCode.CONFLICT, message,
                Map.of("resourceId", resourceId, "resourceType", "SOURCE_SERVER"));
    }

    /** A conflict over a resource of the given type ({@code APPLICATION}, {@code WAVE}, {@code SOURCE_SERVER}). */
    public static MgnApiException conflict(String resourceType, String resourceId, String message) {
        return new MgnApiException(ErrorCode.CONFLICT, message,
                Map.of("resourceId", resourceId, "resourceType", resourceType));
    }

    public static MgnApiException quotaExceeded(String quotaCode, int quotaValue, String message) {
        return new MgnApiException(ErrorCode.SERVICE_QUOTA_EXCEEDED, message,
                Map.of("serviceCode", "mgn", "quotaCode", quotaCode, "quotaValue", quotaValue));
    }

    /** A quota whose Service Quotas code is not published. */
    public static MgnApiException quotaExceeded(int quotaValue, String message) {
        return new MgnApiException(ErrorCode.SERVICE_QUOTA_EXCEEDED, message,
                Map.of("serviceCode", "mgn", "quotaValue", quotaValue));
    }

    public static MgnApiException accessDenied(String message) {
        return new MgnApiException(ErrorCode.ACCESS_DENIED, message, Map.of());
    }

    public static MgnApiException throttled() {
        return new MgnApiException(ErrorCode.THROTTLING, "Rate exceeded", Map.of());
    }

    public static MgnApiException invalidSignature(String message) {
        return new MgnApiException(ErrorCode.INVALID_SIGNATURE, message, Map.of());
    }

    public static MgnApiException unknownOperation(String method, String path) {
        return new MgnApiException(ErrorCode.UNKNOWN_OPERATION,
                "No simulated MGN operation answers " + method + " " + path, Map.of());
    }

    /** A request body that breaks the service model; {@code fieldList} names each offending member. */
    public static MgnApiException invalidFields(String message, List<Map<String, String>> fieldList) {
        return new MgnApiException(ErrorCode.VALIDATION, message,
                Map.of("reason", "fieldValidationFailed", "fieldList", fieldList));
    }

    public static MgnApiException unparsableBody(String message) {
        return new MgnApiException(ErrorCode.VALIDATION, message, Map.of("reason", "cannotParse"));
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra members of the error body the service model defines for this error (resourceId, quotaCode...). */
    public Map<String, Object> details() {
        return details;
    }
}
