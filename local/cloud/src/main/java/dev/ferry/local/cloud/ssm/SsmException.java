package dev.ferry.local.cloud.ssm;

/** An SSM error, answered as JSON 1.1's {@code {"__type": code, "message": ...}} with HTTP 400. */
final class SsmException extends RuntimeException {

    private final String code;

    SsmException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
