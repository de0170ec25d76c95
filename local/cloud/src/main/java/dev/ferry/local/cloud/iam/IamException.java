package dev.ferry.local.cloud.iam;

/** An IAM error answered in the query protocol's {@code ErrorResponse}, with IAM's code and HTTP status. */
final class IamException extends RuntimeException {

    private final int status;
    private final String code;

    IamException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static IamException noSuchEntity(String message) {
        return new IamException(404, "NoSuchEntity", message);
    }

    static IamException invalidInput(String message) {
        return new IamException(400, "InvalidInput", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
