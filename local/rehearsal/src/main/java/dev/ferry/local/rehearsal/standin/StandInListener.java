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

/** One port of a stand-in application: an HTTP server answering what the probes expect, or a TCP port that accepts. */
sealed interface StandInListener extends AutoCloseable {

    @Override
    void close();

    /** Listens on {@code address:port}; HTTP when {@code statusByPath} is not null, else plain TCP. */
    static StandInListener open(String address, int port, Map<String, Integer> statusByPath) throws IOException {
        InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(address), port);
        return statusByPath == null ? Tcp.open(endpoint) : Http.open(endpoint, statusByPath);
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

    /** Answers the status an HTTP probe expects on its path, and 200 on any other path. */
    final class Http implements StandInListener {
        private final HttpServer server;
        private final ExecutorService executor;

        private Http(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static Http open(InetSocketAddress endpoint, Map<String, Integer> statusByPath) throws IOException {
            HttpServer server = HttpServer.create(endpoint, 16);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext("/", exchange -> {
                try (exchange) {
                    int status = statusByPath.getOrDefault(exchange.getRequestURI().getRawPath(), 200);
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
