package dev.ferry.local.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response, independent of any server: status, headers and body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    /** Creates the response. */
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** The body as text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
