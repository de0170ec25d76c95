package dev.ferry.local.cloud.route53;

import java.util.List;

/** A Route 53 error: its HTTP status, code, message and, for a refused change batch, one message per reason. */
final class Route53Exception extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> messages;

    private Route53Exception(int status, String code, String message, List<String> messages) {
        super(message);
        this.status = status;
        this.code = code;
        this.messages = List.copyOf(messages);
    }

    static Route53Exception invalidInput(String message) {
        return new Route53Exception(400, "InvalidInput", message, List.of());
    }

    static Route53Exception invalidChangeBatch(List<String> messages) {
        return new Route53Exception(400, "InvalidChangeBatch", String.join("; ", messages), messages);
    }

    static Route53Exception noSuchHostedZone(String id) {
        return new Route53Exception(404, "NoSuchHostedZone", "No hosted zone found with ID: " + id, List.of());
    }

    static Route53Exception noSuchChange(String id) {
        return new Route53Exception(404, "NoSuchChange", "Could not find resource with ID: " + id, List.of());
    }

    static Route53Exception unknownOperation(String method, String path) {
        return new Route53Exception(400, "InvalidAction", "The rehearsal's Route 53 answers GetHostedZone, ListHostedZones,"
                + " ListResourceRecordSets, ChangeResourceRecordSets and GetChange, not " + method + " " + path, List.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> messages() {
        return messages;
    }
}
