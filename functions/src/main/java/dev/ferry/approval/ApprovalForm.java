package dev.ferry.approval;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the approval page's form ({@code application/x-www-form-urlencoded}): the fields
 * {@code approver}, {@code comment} and {@code decision} ({@code approve} or {@code reject}, set by
 * the button pressed). Every problem is an {@link InvalidApprovalRequestException} whose message
 * can be shown to the person as it is.
 */
public final class ApprovalForm {

    /** Longest approver name or email address accepted, in characters. */
    public static final int MAX_APPROVER = 200;
    /** Longest comment accepted, in characters. */
    public static final int MAX_COMMENT = 2_000;
    /** A browser's user agent is kept for the record, but not without bound. */
    private static final int MAX_USER_AGENT = 1_000;

    private ApprovalForm() {
    }

    /** The submission in {@code body}, sent from {@code sourceIp} by {@code userAgent}. */
    public static DecisionSubmission read(String body, String sourceIp, String userAgent) {
        Map<String, String> fields = fields(body);

        String approver = trimmed(fields.get("approver"));
        if (approver == null) {
            throw new InvalidApprovalRequestException(
                    "Enter your name or email address: the decision is recorded under it.");
        }
        if (length(approver) > MAX_APPROVER) {
            throw new InvalidApprovalRequestException(
                    "The name or email address is longer than " + MAX_APPROVER + " characters.");
        }
        String comment = trimmed(fields.get("comment"));
        if (comment != null && length(comment) > MAX_COMMENT) {
            throw new InvalidApprovalRequestException("The comment is longer than " + MAX_COMMENT + " characters.");
        }
        return new DecisionSubmission(approved(fields.get("decision")), approver, comment, sourceIp,
                bounded(userAgent));
    }

    private static boolean approved(String decision) {
        if (decision == null) {
            throw new InvalidApprovalRequestException("Choose Approve cutover or Reject.");
        }
        return switch (decision) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new InvalidApprovalRequestException(
                    "Unknown decision \"" + decision + "\": choose Approve cutover or Reject.");
        };
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new InvalidApprovalRequestException("The form field \"" + name + "\" was sent more than once.");
            }
        }
        return fields;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidApprovalRequestException("The form could not be read: it is not properly encoded.");
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String bounded(String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
                : userAgent.substring(0, MAX_USER_AGENT);
    }
}
