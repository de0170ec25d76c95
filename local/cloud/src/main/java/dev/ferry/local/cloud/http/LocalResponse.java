package dev.ferry.local.cloud.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP response of the local cloud; status 0 is none at all: the connection closes unanswered. */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {

    public LocalResponse {
        headers = Map.copyOf(headers);
    }

    public static LocalResponse of(int status, String contentType, String body) {
        return new LocalResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    /** No answer: the connection closes, as the caller sees a service that timed out. */
    public static LocalResponse dropConnection() {
        return new LocalResponse(0, Map.of(), new byte[0]);
    }

    public boolean dropsConnection() {
        return status == 0;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
