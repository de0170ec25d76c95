package dev.ferry.local.cloud.ec2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** EC2's {@code MaxResults} / {@code NextToken} paging over a list the simulator already holds. */
final class Pages {

    private static final String TOKEN_PREFIX = "ferry-page:";

    private Pages() {
    }

    /**
     * The page the request asks for; all of the rest when it gives no {@code MaxResults}.
     *
     * @param min the least {@code MaxResults} this action accepts
     * @param max the most
     */
    static <T> Page<T> of(Ec2Request request, List<T> items, int min, int max) {
        Integer size = request.integer("MaxResults");
        if (size != null && (size < min || size > max)) {
            throw Ec2Exception.invalidParameterValue("Value (" + size + ") for parameter maxResults is invalid. "
                    + "Expecting a value between " + min + " and " + max + ".");
        }
        int start = offset(request.optional("NextToken"), items.size());
        int end = size == null ? items.size() : Math.min(items.size(), start + size);
        String next = end < items.size() ? token(end) : null;
        return new Page<>(items.subList(start, end), next);
    }

    private static int offset(String token, int size) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
            if (text.startsWith(TOKEN_PREFIX) && offset >= 0 && offset <= size) {
                return offset;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            // answered below, as EC2 answers a token it did not issue
        }
        throw Ec2Exception.invalidParameterValue("The nextToken '" + token + "' is not valid");
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** One page and the token of the next, null on the last. */
    record Page<T>(List<T> items, String nextToken) {
    }
}
