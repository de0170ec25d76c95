package dev.ferry.local.mgn.model;

/**
 * The errors the simulated MGN answers with: those of the MGN service model, with the HTTP status it gives each,
 * plus the two the AWS front door answers before MGN sees a request (bad signature scope, unknown operation).
 */
public enum ErrorCode {
    VALIDATION("ValidationException", 400),
    UNINITIALIZED_ACCOUNT("UninitializedAccountException", 400),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    ACCESS_DENIED("AccessDeniedException", 403),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    THROTTLING("ThrottlingException", 429),
    INVALID_SIGNATURE("InvalidSignatureException", 403),
    UNKNOWN_OPERATION("UnknownOperationException", 404);

    private final String wireName;
    private final int httpStatus;

    ErrorCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    /** The error code on the wire ({@code x-amzn-ErrorType}, body {@code code}). */
    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
