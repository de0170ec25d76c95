package dev.ferry.local.mgn.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.mgn.model.MgnApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One page of a paginated Describe result, cut by the request's {@code maxResults} and {@code nextToken}.
 *
 * @param items     the items of this page
 * @param nextToken the token of the next page; empty on the last page
 */
record Page<T>(List<T> items, Optional<String> nextToken) {

    /** MGN's largest page, also used when the request gives no {@code maxResults}. */
    static final int MAX_PAGE_SIZE = 1000;
    private static final String TOKEN_PREFIX = "offset:";

    static <T> Page<T> of(List<T> all, JsonNode request) {
        int size = request.hasNonNull("maxResults") ? request.get("maxResults").intValue() : MAX_PAGE_SIZE;
        int from = request.hasNonNull("nextToken") ? decode(request.get("nextToken").textValue()) : 0;
        int to = Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(List.copyOf(items), to < all.size() ? Optional.of(encode(to)) : Optional.empty());
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through: not a token this service issued.
        }
        throw MgnApiException.validation("nextToken: invalid pagination token");
    }
}
