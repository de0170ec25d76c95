package dev.ferry.local.rehearsal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS CLI ({@code aws} on the PATH), pointed at one endpoint with throw-away credentials
 * given to its process only. Where it is missing the test is skipped with a message saying so,
 * unless {@code FERRY_REQUIRE_TOOLS=true} (CI sets it): then a missing CLI fails the test.
 */
final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Settings of this machine's shell that would send the CLI elsewhere or sign differently. */
    private static final List<String> UNSET = List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN",
            "AWS_REGION", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE");

    private final Path executable;
    private final String endpoint;
    private final String region;
    private final Path workingFolder;
    private final Path emptyConfig;

    private AwsCli(Path executable, String endpoint, String region, Path workingFolder, Path emptyConfig) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.region = region;
        this.workingFolder = workingFolder;
        this.emptyConfig = emptyConfig;
    }

    /** The {@code aws} command of the PATH, if there is one. */
    static Optional<Path> find() {
        return onPath("aws");
    }

    /** The {@code aws} command of the PATH, or the test is skipped (failed under FERRY_REQUIRE_TOOLS=true). */
    static Path require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "The AWS CLI (aws) is not installed, so the conformance of the local cloud to it was not checked. "
                    + "Install it (see README, 'Requirements').";
            if ("true".equals(System.getenv("FERRY_REQUIRE_TOOLS"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    /**
     * The CLI at {@code executable} for {@code endpoint}, signing for {@code region}, run in
     * {@code workingFolder} (where {@code file://} arguments are found), its own configuration
     * files replaced by the empty {@code emptyConfig}.
     */
    static AwsCli at(Path executable, String endpoint, String region, Path workingFolder, Path emptyConfig) {
        return new AwsCli(executable, endpoint, region, workingFolder, emptyConfig);
    }

    /** Runs {@code aws --endpoint-url ENDPOINT --output json ARGUMENTS...} and waits for it. */
    Result run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        Map<String, String> environment = builder.environment();
        UNSET.forEach(environment::remove);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_CONFIG_FILE", emptyConfig.toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", emptyConfig.toString());
        environment.put("AWS_MAX_ATTEMPTS", "1");
        environment.put("AWS_PAGER", "");
        try {
            Process process = builder.start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String output = read(process.getInputStream());
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish within a minute");
            }
            return new Result(String.join(" ", arguments), process.exitValue(), output, errors.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while aws ran", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * One finished command.
     *
     * @param command  the arguments, for messages
     * @param exitCode the CLI's exit code
     * @param output   its standard output (JSON when it succeeded and answered something)
     * @param errors   its standard error (the service's error code and message when it failed)
     */
    record Result(String command, int exitCode, String output, String errors) {

        /** The output as JSON; fails the test, naming the command, when the command failed. */
        JsonNode json() {
            if (exitCode != 0) {
                throw new AssertionError("aws " + command + " exited with " + exitCode + ": " + errors);
            }
            try {
                return output.isBlank() ? JSON.createObjectNode() : JSON.readTree(output);
            } catch (IOException e) {
                throw new AssertionError("aws " + command + " printed something that is not JSON: " + output, e);
            }
        }
    }
}
