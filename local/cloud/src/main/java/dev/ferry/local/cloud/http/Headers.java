package dev.ferry.local.cloud.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Header maps between the local cloud's single-valued form and the list-valued one of other handlers. */
public final class Headers {

    private Headers() {
    }

    /** The request's headers as one-element lists. */
    public static Map<String, List<String>> multiValued(LocalRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }
}
