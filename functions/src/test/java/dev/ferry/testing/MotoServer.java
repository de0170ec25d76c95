package dev.ferry.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real moto server (the Python AWS emulator; it emulates EC2 and SNS, not MGN) for the tests of
 * one class: started on a free port of 127.0.0.1 before the class, stopped after it. Register it
 * on a static field and build clients with {@link #client}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MotoServer MOTO = new MotoServer();
 * }</pre>
 *
 * <p>When {@code moto_server} is not on the PATH the class is skipped with a message saying so,
 * printed to the build output as well, unless {@code FERRY_REQUIRE_MOTO=true} (CI sets it): then
 * the class fails. Readiness is read from the server's own "Running on" line, then confirmed by
 * a request to {@code /moto-api/}; nothing sleeps.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {

    /** The environment variable that turns a missing moto_server into a failure. */
    public static final String REQUIRE_MOTO = "FERRY_REQUIRE_MOTO";
    /** The region every client of this server uses. */
    public static final Region REGION = Region.US_EAST_1;

    private static final String EXECUTABLE = "moto_server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTPUT_LINES_KEPT = 40;

    private final Deque<String> recentOutput = new ArrayDeque<>();
    private Process process;
    private URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path executable = Executables.onPath(EXECUTABLE).orElseGet(() -> missing(context));
        int port = freePort();
        endpoint = URI.create("http://127.0.0.1:" + port);
        process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> running = watchOutput("Running on " + endpoint);
        try {
            running.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException notStarted) {
            stop();
            throw new IllegalStateException("moto_server did not start on " + endpoint + "; its output:\n"
                    + output(), notStarted);
        }
        // The line says the socket is bound; a real answer says the application is up.
        get("/moto-api/");
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        stop();
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:49152}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server: its endpoint, {@link #REGION}, dummy credentials, the URL-connection HTTP client. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The body of a GET on the server, e.g. {@code /moto-api/data.json} (moto's whole state as JSON). */
    public String get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " on moto_server answered " + response.statusCode());
            }
            return response.body();
        }
    }

    private static Path missing(ExtensionContext context) {
        String message = EXECUTABLE + " is not on the PATH, so the moto integration tests of "
                + context.getRequiredTestClass().getSimpleName() + " DID NOT RUN. Install it with "
                + "pip install 'moto[server]'";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_MOTO))) {
            throw new AssertionError(message + " (" + REQUIRE_MOTO + "=true requires it)");
        }
        message += ", or set " + REQUIRE_MOTO + "=true to make its absence fail the build.";
        // The skip reason alone is easy to miss in a green build: say it in the output too.
        System.err.println("**** SKIPPED: " + message);
        return Assumptions.abort(message);
    }

    /** Drains the server's output (its request log would otherwise fill the pipe) and signals the ready line. */
    private CompletableFuture<Void> watchOutput(String readyLine) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    remember(line);
                    if (line.contains(readyLine)) {
                        ready.complete(null);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("moto_server exited"));
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
        }, "moto_server-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    private synchronized void remember(String line) {
        if (recentOutput.size() == OUTPUT_LINES_KEPT) {
            recentOutput.removeFirst();
        }
        recentOutput.addLast(line);
    }

    private synchronized String output() {
        return String.join("\n", recentOutput);
    }

    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
