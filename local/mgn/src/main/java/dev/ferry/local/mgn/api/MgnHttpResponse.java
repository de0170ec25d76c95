package dev.ferry.local.mgn.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the simulated MGN answers to one HTTP request.
 *
 * @param status  the HTTP status
 * @param headers response headers (Content-Type, x-amzn-RequestId, x-amzn-ErrorType, Retry-After...)
 * @param body    the response body; empty for 204
 */
public record MgnHttpResponse(int status, Map<String, String> headers, byte[] body) {

    public MgnHttpResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
