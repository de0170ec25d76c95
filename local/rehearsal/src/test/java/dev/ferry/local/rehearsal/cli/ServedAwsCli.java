package dev.ferry.local.rehearsal.cli;

import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The set-up the AWS CLI integration tests share, registered as a static {@code @RegisterExtension} field:
 * {@code bin/ferry serve} with one environment file, started once for the test class and stopped after it, and the
 * real AWS CLI pointed at it in any region. Each test says for itself when the CLI is missing (a skipped class would
 * not show the message): it is skipped, or failed under {@code FERRY_REQUIRE_TOOLS=true}.
 */
final class ServedAwsCli implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path environment;
    private final double speed;
    private Path executable;
    private Path emptyConfig;
    private ServeProcess serve;

    /**
     * @param environment the environment file, relative to the project folder
     * @param speed       serve's pace, as its {@code --speed}
     */
    ServedAwsCli(String environment, double speed) {
        this.environment = ProjectFolder.root().resolve(environment);
        this.speed = speed;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Optional<Path> found = AwsCli.find();
        if (found.isPresent()) {
            executable = found.get();
            emptyConfig = Files.createTempFile("empty-aws-config", "");
            serve = ServeProcess.start(environment, speed);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AwsCli.require();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        if (serve != null) {
            serve.close();
        }
        if (emptyConfig != null) {
            Files.deleteIfExists(emptyConfig);
        }
    }

    /** {@code text} with its 127.0.x.y addresses moved where serve moves an execution's (see {@link ServeProcess}). */
    String movedIntoServesBlock(String text) {
        return serve.movedIntoItsBlock(text);
    }

    /** The environment file serve runs with. */
    Path environment() {
        return environment;
    }

    /** The CLI for serve, signing for {@code region}, run in the project folder (where {@code file://} paths start). */
    AwsCli in(String region) {
        return AwsCli.at(executable, serve.endpoint(), region, ProjectFolder.root(), emptyConfig);
    }

    /**
     * Asks again (serve runs on its own) until the answer satisfies {@code done}, for 30 s at most; then fails,
     * showing the last answer and what serve printed.
     */
    <T> T eventually(Supplier<T> ask, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T answer = ask.get();
        while (!done.test(answer)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Still not as expected after " + PATIENCE.toSeconds() + " s: " + answer
                        + "\nserve printed:\n" + serve.console());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for serve", e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
