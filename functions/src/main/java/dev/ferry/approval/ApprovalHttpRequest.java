package dev.ferry.approval;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A request for an approval page as HTTP brought it, whatever carried it (the HTTP API's event, a
 * test): the method, the {@code approvalId} path parameter, the headers, the body and who sent it.
 *
 * @param method        the HTTP method, or empty
 * @param approvalId    the path's {@code approvalId}, as sent (not yet checked), or null
 * @param headers       the headers, names in any case; may be empty
 * @param body          the body as sent, or null
 * @param base64Encoded whether the body is base64, as API Gateway sends bodies it does not take for text
 * @param sourceIp      the sender's address, or null
 * @param userAgent     the sender's user agent, or null (then the header's is used)
 */
public record ApprovalHttpRequest(String method, String approvalId, Map<String, String> headers, String body,
                                  boolean base64Encoded, String sourceIp, String userAgent) {

    public ApprovalHttpRequest {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        headers = headers == null ? Map.of() : headers;
    }

    /** The path's approval ID when it has the shape of one, else null. */
    String wellFormedId() {
        return ApprovalIds.isWellFormed(approvalId) ? approvalId : null;
    }

    /** A header's value; HTTP APIs lower-case header names, but nothing here depends on it. */
    String header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The sender's user agent, from the request context or else its header. */
    String userAgentOrHeader() {
        return userAgent != null ? userAgent : header("user-agent");
    }

    /** The body as text. */
    String text() {
        if (body == null || !base64Encoded) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidApprovalRequestException("The form could not be read: its encoding is broken.");
        }
    }
}
