package dev.ferry.local.cloud.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the local cloud, independent of the server that received it, so that every
 * simulated service can be mounted on one port and tested without a socket.
 *
 * @param method  HTTP method
 * @param path    the path, without the query string
 * @param query   the raw query string, or empty
 * @param headers header names in lower case
 * @param body    the request body
 */
public record LocalRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public LocalRequest {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCase);
        query = query == null ? "" : query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the body is declared an {@code application/x-www-form-urlencoded} form. */
    public boolean hasFormBody() {
        return header("content-type").orElse("").startsWith("application/x-www-form-urlencoded");
    }

    /**
     * Whether this is a call of the AWS query protocol (a POST of a URL-encoded form) to {@code apiVersion}: the
     * form's {@code Version} tells the services of that protocol (EC2, IAM, SNS) apart on one port.
     */
    public boolean isQueryCall(String apiVersion) {
        return "POST".equals(method) && hasFormBody() && apiVersion.equals(form().get("Version"));
    }

    /** The body as an {@code application/x-www-form-urlencoded} form (the AWS query protocol). */
    public Map<String, String> form() {
        return parseForm(bodyText());
    }

    /** Decodes a URL-encoded form; a repeated name keeps its last value. */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
