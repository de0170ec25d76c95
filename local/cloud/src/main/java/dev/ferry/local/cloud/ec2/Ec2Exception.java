package dev.ferry.local.cloud.ec2;

/** An EC2 client error (HTTP 400) answered in the query protocol's error document, with EC2's code. */
final class Ec2Exception extends RuntimeException {

    private final String code;

    Ec2Exception(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    static Ec2Exception invalidParameterValue(String message) {
        return new Ec2Exception("InvalidParameterValue", message);
    }
}
