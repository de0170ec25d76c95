package dev.ferry.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An HTTP endpoint on 127.0.0.1 that forwards every request to another endpoint and records which
 * AWS operation each one was, from its {@code X-Amz-Target} header (DynamoDB, Step Functions) or
 * its form's {@code Action} (CloudFormation): what a client really sent, seen outside the client.
 */
final class RecordingProxy implements AutoCloseable {

    /** Headers the JDK's HTTP client sets by itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> operations = new ArrayList<>();

    RecordingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The operations forwarded so far, in order, such as {@code DynamoDB_20120810.Query} or {@code DescribeStacks}. */
    synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        record(exchange.getRequestHeaders().getFirst("X-Amz-Target"), new String(body, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private synchronized void record(String target, String body) {
        if (target != null) {
            operations.add(target);
            return;
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                operations.add(URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8));
                return;
            }
        }
        operations.add("unknown request");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
