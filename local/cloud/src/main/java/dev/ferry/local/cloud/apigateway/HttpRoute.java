package dev.ferry.local.cloud.apigateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code HttpApi} event of a function: requests with {@code method} on a path of the shape
 * {@code pathTemplate} (such as {@code /approvals/{approvalId}}) invoke it.
 *
 * @param method       the HTTP method
 * @param pathTemplate the route's path, with {@code {name}} segments as path parameters
 * @param function     the logical ID of the target function
 */
public record HttpRoute(String method, String pathTemplate, String function) {

    /** The route key API Gateway puts in the event, e.g. {@code GET /approvals/{approvalId}}. */
    public String routeKey() {
        return method + " " + pathTemplate;
    }

    /**
     * The path parameters when {@code path} is on this route's shape (a parameter is one whole,
     * non-empty segment), else empty. The method is not compared.
     */
    public Optional<Map<String, String>> match(String path) {
        String[] expected = pathTemplate.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
