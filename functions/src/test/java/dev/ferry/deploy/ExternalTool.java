package dev.ferry.deploy;

import dev.ferry.testing.Executables;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test runs (cfn-lint, asl-validator, make). Where the tool is missing the test is
 * skipped with a message saying so, unless {@code FERRY_REQUIRE_TOOLS=true} (CI sets it), in which
 * case a missing tool fails the test.
 */
final class ExternalTool {

    private final String name;
    private final Path executable;

    private ExternalTool(String name, Path executable) {
        this.name = name;
        this.executable = executable;
    }

    /** The tool at a path inside the repository, or on the PATH by name. */
    static ExternalTool require(String name, Path preferred) {
        Optional<Path> found = preferred != null && Files.isExecutable(preferred) ? Optional.of(preferred) : Executables.onPath(name);
        if (found.isEmpty()) {
            String message = name + " is not installed, so this check did not run. Install it (see README, 'Running the tests').";
            if ("true".equals(System.getenv("FERRY_REQUIRE_TOOLS"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return new ExternalTool(name, found.get());
    }

    /** Where the tool is, for a test that runs it in a folder of its own. */
    Path executable() {
        return executable;
    }

    /** Runs the tool with these arguments in the repository root and returns its exit code and output. */
    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(ProjectFiles.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within two minutes");
        }
        return new Result(process.exitValue(), output);
    }

    /** A finished run. */
    record Result(int exitCode, String output) {
    }
}
