package dev.ferry.local.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Splits list results into pages the way the service does: {@code maxResults} per page (0 or absent
 * means the operation's default) and an opaque {@code nextToken} for the rest.
 */
final class Pages {

    private static final String TOKEN_PREFIX = "page:";

    private Pages() {
    }

    record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    static <T> Page<T> of(List<T> all, int maxResults, int defaultSize, String nextToken) {
        int size = maxResults <= 0 ? defaultSize : maxResults;
        int from = nextToken == null ? 0 : offset(nextToken);
        int to = Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        Optional<String> next = to < all.size() ? Optional.of(token(to)) : Optional.empty();
        return new Page<>(items, next);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Reported below as the service reports any token it did not issue.
        }
        throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
    }
}
