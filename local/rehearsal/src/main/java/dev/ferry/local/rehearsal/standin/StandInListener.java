package dev.ferry.local.rehearsal.standin;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/** One port of a stand-in application: an HTTP server answering what the probes expect, or a TCP port that accepts. */
sealed interface StandInListener extends AutoCloseable {

    @Override
    void close();

    /**
     * Listens on {@code address:port}: HTTP when {@code statusByPath} is not null (the status of each path
     * given, 200 on any other), else plain TCP.
     */
    static StandInListener open(String address, int port, Map<String, Integer> statusByPath) throws IOException {
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(address), port);
        return statusByPath == null ? Tcp.open(endpoint)
                : Http.open(endpoint, path -> statusByPath.getOrDefault(path, 200));
    }

    /** Answers HTTP on {@code address:port} with the status {@code statusOfPath} gives at the time of each request. */
    static StandInListener openHttp(String address, int port, ToIntFunction<String> statusOfPath) throws IOException {
        return Http.open(new InetSocketAddress(InetAddress.getByName(address), port), statusOfPath);
    }

    /** Accepts connections and closes them: a TCP probe only checks that the port is open. */
    final class Tcp implements StandInListener {
        private final ServerSocket socket;

        private Tcp(ServerSocket socket) {
            this.socket = socket;
        }

        static Tcp open(InetSocketAddress endpoint) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(endpoint);
            Tcp listener = new Tcp(socket);
            Thread.ofVirtual().name("stand-in " + endpoint).start(listener::acceptUntilClosed);
            return listener;
        }

        private void acceptUntilClosed() {
            while (!socket.isClosed()) {
                try (Socket accepted = socket.accept()) {
                    accepted.shutdownOutput();
                } catch (IOException closedOrReset) {
                    // Closed by close(), or a probe that hung up first: either way nothing to do.
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // Nothing left to release.
            }
        }
    }

    /** Answers each request with the status of its path. */
    final class Http implements StandInListener {
        private final HttpServer server;
        private final ExecutorService executor;

        private Http(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static Http open(InetSocketAddress endpoint, ToIntFunction<String> statusOfPath) throws IOException {
            HttpServer server = HttpServer.create(endpoint, 16);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext("/", exchange -> {
                try (exchange) {
                    int status = statusOfPath.applyAsInt(exchange.getRequestURI().getRawPath());
                    byte[] body = ("stand-in application on " + endpoint.getHostString() + "\n").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.setExecutor(executor);
            server.start();
            return new Http(server, executor);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
