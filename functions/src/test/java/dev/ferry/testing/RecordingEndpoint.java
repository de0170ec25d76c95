package dev.ferry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP endpoint on 127.0.0.1 that answers every request with one canned response and records
 * what it received: a stand-in for an AWS endpoint when a test checks where and how a client
 * sends its requests.
 */
public final class RecordingEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile Response response = new Response(200, Map.of("Content-Type", "application/json"), "{}");

    public RecordingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers every later request with this status, headers and body. */
    public RecordingEndpoint respond(int status, Map<String, String> headers, String body) {
        response = new Response(status, Map.copyOf(headers), body);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests received so far, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
        }
        Response current = response;
        current.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = current.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(current.status(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** A received request; {@code authorization} carries the SigV4 credential scope (key, date, region, service). */
    public record Request(String method, String path, String authorization, String body) {
    }

    private record Response(int status, Map<String, String> headers, String body) {
    }
}
