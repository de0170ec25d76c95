package dev.ferry.local.cloud.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP response of the local cloud. */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {

    public LocalResponse {
        headers = Map.copyOf(headers);
    }

    public static LocalResponse of(int status, String contentType, String body) {
        return new LocalResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
