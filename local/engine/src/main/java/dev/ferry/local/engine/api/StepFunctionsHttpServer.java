package dev.ferry.local.engine.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-alone HTTP endpoint for a {@link StepFunctionsApiHandler}, for tests and tools that want
 * Step Functions on a port of its own. Each request is served on its own virtual thread.
 */
public final class StepFunctionsHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private StepFunctionsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code handler} on {@code address} (port 0 picks a free port). */
    public static StepFunctionsHttpServer start(StepFunctionsApiHandler handler, InetSocketAddress address) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            server.createContext("/", exchange -> serve(handler, exchange));
            server.start();
            return new StepFunctionsHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + address, e);
        }
    }

    /** The base URI to give clients as their endpoint. */
    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(StepFunctionsApiHandler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ApiResponse response = handler.handle(exchange.getRequestHeaders(), body);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }
}
