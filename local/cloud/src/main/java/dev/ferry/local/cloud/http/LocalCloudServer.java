package dev.ferry.local.cloud.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local cloud's one loopback port. Each request goes to the first service that accepts it,
 * the way AWS tells services apart: MGN by its REST paths, Step Functions, DynamoDB and SSM by their
 * {@code X-Amz-Target}, EC2, IAM and SNS by the query protocol's {@code Action} and {@code Version}, Route 53
 * by its {@code /2013-04-01/} paths, S3 by its signing scope, the approval pages by their own paths.
 */
public final class LocalCloudServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private LocalCloudServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on 127.0.0.1; port 0 picks a free one. */
    public static LocalCloudServer start(int port, List<LocalService> services) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        LocalCloudServer cloud = new LocalCloudServer(server);
        server.createContext("/", exchange -> cloud.serve(exchange, services));
        server.setExecutor(cloud.executor);
        server.start();
        return cloud;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange, List<LocalService> services) throws IOException {
        try (exchange) {
            LocalRequest request = toRequest(exchange);
            LocalResponse response = answer(request, services);
            if (response.dropsConnection()) {
                // Closing an exchange before its headers are sent closes the connection unanswered.
                return;
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static LocalResponse answer(LocalRequest request, List<LocalService> services) {
        try {
            return services.stream()
                    .filter(service -> service.accepts(request))
                    .findFirst()
                    .map(service -> service.handle(request))
                    .orElseGet(() -> notFound(request));
        } catch (RuntimeException bug) {
            // A simulator bug must reach the client as a server error it can show, not a dropped connection.
            return LocalResponse.of(500, "application/json", "{\"__type\":\"InternalFailure\",\"message\":\""
                    + String.valueOf(bug).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }
    }

    private static LocalRequest toRequest(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new LocalRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private static LocalResponse notFound(LocalRequest request) {
        return LocalResponse.of(404, "application/json",
                "{\"message\":\"The local cloud has no service for " + request.method() + " " + request.path()
                        + " (it serves MGN, Step Functions, EC2, IAM, SNS, SSM, Route 53, S3, DynamoDB and the approval pages)\"}");
    }
}
