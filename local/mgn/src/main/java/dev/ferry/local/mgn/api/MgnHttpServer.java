package dev.ferry.local.mgn.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serves an {@link MgnApiHandler} on its own loopback port, for tests and stand-alone use. */
public final class MgnHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private MgnHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1 at an ephemeral port. */
    public static MgnHttpServer start(MgnApiHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(handler, exchange));
        server.start();
        return new MgnHttpServer(server, executor);
    }

    /** The endpoint to give an SDK client's {@code endpointOverride} or the CLI's {@code --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void serve(MgnApiHandler handler, HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            MgnHttpResponse response = handler.handle(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), in.readAllBytes());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = response.body();
            // A 204 must not carry a body; -1 tells HttpServer so.
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
