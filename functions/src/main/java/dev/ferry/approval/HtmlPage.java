package dev.ferry.approval;

import java.util.Map;

/**
 * A rendered page and the HTTP status it goes with.
 *
 * @param status  the HTTP status code
 * @param html    the whole document
 * @param headers the response headers: content type, no caching and the security headers
 */
public record HtmlPage(int status, String html, Map<String, String> headers) {

    public HtmlPage {
        headers = Map.copyOf(headers);
    }
}
