package dev.ferry.probe;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.probe.Prober.ProbeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NetworkProber} against real sockets and a real HTTP server on 127.0.0.1. */
class NetworkProberTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final NetworkProber prober = new NetworkProber();

    @Nested
    class Tcp {

        @Test
        void anOpenPortPasses() throws IOException {
            try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                ProbeResult result = prober.tcp("127.0.0.1", listening.getLocalPort(), TIMEOUT);

                assertThat(result.passed()).isTrue();
                assertThat(result.detail()).matches("tcp 127\\.0\\.0\\.1:\\d+: connected in \\d+ ms");
            }
        }

        @Test
        void aClosedPortFailsSayingTheConnectionWasRefusedAndWhen() throws IOException {
            int closedPort = closedPort();

            ProbeResult result = prober.tcp("127.0.0.1", closedPort, TIMEOUT);

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).matches("tcp 127\\.0\\.0\\.1:" + closedPort + ": connection refused after \\d+ ms");
        }

        @Test
        void aPortThatNeverAnswersFailsAsTimedOut() throws IOException {
            try (ServerSocket neverAccepting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 HeldConnections queueFull = fillAcceptQueue(neverAccepting.getLocalPort())) {

                ProbeResult result = prober.tcp("127.0.0.1", neverAccepting.getLocalPort(), Duration.ofMillis(300));

                assertThat(result.passed()).isFalse();
                assertThat(result.detail()).matches(
                        "tcp 127\\.0\\.0\\.1:\\d+: no connection within 300 ms \\(timed out\\) after \\d+ ms");
            }
        }

        @Test
        void anUnknownHostFailsSayingSo() {
            ProbeResult result = prober.tcp("no-such-host.invalid", 22, TIMEOUT);

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).startsWith("tcp no-such-host.invalid:22: unknown host after ");
        }
    }

    @Nested
    class Http {

        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private HttpServer server;
        private final CountDownLatch releaseSlowResponses = new CountDownLatch(1);

        @BeforeEach
        void startServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/health", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.createContext("/broken", exchange -> {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.createContext("/slow", exchange -> {
                try {
                    releaseSlowResponses.await();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(handlers);
            server.start();
        }

        @AfterEach
        void stopServer() {
            releaseSlowResponses.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }

        @Test
        void theExpectedStatusPasses() {
            ProbeResult result = prober.http(url("/health"), 200, TIMEOUT);

            assertThat(result.passed()).isTrue();
            assertThat(result.detail()).matches("http GET http://127\\.0\\.0\\.1:\\d+/health: status 200 in \\d+ ms");
        }

        @Test
        void anotherStatusFailsNamingBothStatuses() {
            ProbeResult result = prober.http(url("/broken"), 200, TIMEOUT);

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).matches("http GET .*/broken: status 503, expected 200, after \\d+ ms");
        }

        @Test
        void aResponseSlowerThanTheTimeoutFailsAsTimedOut() {
            ProbeResult result = prober.http(url("/slow"), 200, Duration.ofMillis(300));

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).matches("http GET .*/slow: no response within 300 ms \\(timed out\\) after \\d+ ms");
        }

        @Test
        void aClosedPortFailsSayingTheConnectionWasRefused() throws IOException {
            ProbeResult result = prober.http("http://127.0.0.1:" + closedPort() + "/health", 200, TIMEOUT);

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).contains(": connection refused after ");
        }

        @Test
        void somethingThatIsNotAUrlFailsSayingSo() {
            ProbeResult result = prober.http("http://exa mple/", 200, TIMEOUT);

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).startsWith("http GET http://exa mple/: not a valid URL");
        }

        private String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }
    }

    /**
     * Connects to a listener that never accepts until its accept queue is full: the kernel then
     * drops further connection attempts unanswered, which is how an unreachable port looks.
     */
    private static HeldConnections fillAcceptQueue(int port) throws IOException {
        HeldConnections held = new HeldConnections();
        for (int attempt = 0; attempt < 16; attempt++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                held.add(socket);
            } catch (SocketTimeoutException queueIsFull) {
                socket.close();
                return held;
            }
        }
        held.close();
        throw new IllegalStateException("The accept queue of port " + port + " never filled up");
    }

    /** Client sockets kept open while a test runs. */
    private static final class HeldConnections implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>();

        void add(Socket socket) {
            sockets.add(socket);
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A port nothing listens on: bound once to get a free number, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
