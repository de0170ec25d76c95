package dev.ferry.local.rehearsal.cli;

import dev.ferry.local.rehearsal.standin.LoopbackBlock;
import dev.ferry.testing.ProjectFolder;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/ferry serve} as a child process: the same Java command line as the launcher's, on
 * this module's classes and copied jars, on a free loopback port, until {@link #close()} stops it
 * the way Ctrl-C does.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(1);
    private static final String BANNER_END = "Press Ctrl-C to stop.";
    private static final Pattern ADDRESS_BLOCK = Pattern.compile("DNS fronts are in 127\\.(\\d+)\\.0\\.0/16");
    /** The handlers' deployment settings, which the local cloud gives them itself (as bin/ferry unsets them). */
    private static final List<String> UNSET = List.of("AWS_REGION", "TABLE_NAME", "TOPIC_ARN", "APPROVAL_BASE_URL",
            "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE");

    private final Process process;
    private final int port;
    private final StringBuffer console = new StringBuffer();
    private final CountDownLatch listening = new CountDownLatch(1);

    private ServeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readConsole, "serve-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code serve --port <free> --environment <environment> --speed <speed>} and waits until
     * it listens and has printed what it holds.
     */
    static ServeProcess start(Path environment, double speed) {
        Path module = Path.of("").toAbsolutePath();
        Path target = module.resolve("target");
        int port = freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Dferry.projectRoot=" + ProjectFolder.root(),
                "-Dsqlite4java.library.path=" + target.resolve("lib"),
                "-cp", target.resolve("classes") + File.pathSeparator + target.resolve("lib") + "/*",
                "dev.ferry.local.rehearsal.FerryCommand", "serve",
                "--port", Integer.toString(port),
                "--environment", environment.toString(),
                "--speed", Double.toString(speed));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectFolder.root().toFile()).redirectErrorStream(true);
        Map<String, String> variables = builder.environment();
        UNSET.forEach(variables::remove);
        variables.put("AWS_EMF_ENVIRONMENT", "Local");
        ServeProcess serve;
        try {
            serve = new ServeProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
        serve.awaitListening();
        return serve;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The second octet of the loopback block serve holds: 0 unless it said another run holds
     * 127.0.0.0/16 and named the block it took instead.
     */
    int addressBlock() {
        Matcher named = ADDRESS_BLOCK.matcher(console());
        return named.find() ? Integer.parseInt(named.group(1)) : 0;
    }

    /** {@code text} with its 127.0.x.y addresses where serve moves an execution's: into its block. */
    String movedIntoItsBlock(String text) {
        return LoopbackBlock.moveAll(text, addressBlock());
    }

    /** What serve printed so far. */
    String console() {
        return console.toString();
    }

    /** Stops serve as Ctrl-C does (its shutdown hook closes the local cloud), forcibly if it does not end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() {
        try {
            if (!listening.await(STARTUP.toSeconds(), TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("bin/ferry serve did not start listening on " + endpoint() + " within "
                        + STARTUP.toSeconds() + " s; it printed:\n" + console);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("Interrupted while serve started", e);
        }
    }

    private void readConsole() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                console.append(line).append('\n');
                // Serve prints what it holds (its endpoint, its block of addresses...) once it listens,
                // and ends that banner with this line: ready, and all of it read.
                if (line.equals(BANNER_END)) {
                    listening.countDown();
                }
            }
        } catch (IOException ended) {
            // The process closed its output: it has ended.
        } finally {
            // Lets a start that failed stop waiting at once.
            listening.countDown();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
