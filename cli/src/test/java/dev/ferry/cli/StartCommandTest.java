package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.ProjectFolder;
import dev.ferry.testing.RecordingEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code start} refuses what Preflight would refuse before it sends anything. */
class StartCommandTest {

    @TempDir
    Path folder;

    private RecordingEndpoint aws;

    @BeforeEach
    void start() throws IOException {
        aws = new RecordingEndpoint();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aWaveWithMistakesIsRefusedWithPreflightsMessagesAndNothingIsSent() {
        Path wave = ProjectFolder.event("invalid-wave-missing-fields.json");

        Run run = start(wave.toString());

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.err().lines()).containsExactly(
                "ferry: " + wave + ": waveName: is required",
                "ferry: " + wave + ": targetRegion: is required",
                "ferry: " + wave + ": servers: must list at least one server",
                "ferry: " + wave + ": approvers: must list at least one email address",
                "ferry: 4 problems in the wave, as Preflight would refuse it; nothing was started");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void brokenJsonIsRefusedWithItsLineAndColumn() throws IOException {
        Path wave = Files.writeString(folder.resolve("wave.json"), "{\n  \"waveName\": \"w\",\n  \"servers\": [\n}");

        Run run = start(wave.toString());

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.err()).startsWith("ferry: " + wave + ": is not valid JSON: ").contains("(line 4, column 1)");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path wave = folder.resolve("no-such-wave.json");

        Run run = start(wave.toString());

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.err()).startsWith("ferry: " + wave + ": cannot be read (NoSuchFileException");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void anExecutionNameStepFunctionsWouldRefuseIsRefusedBeforeAnythingIsSent() {
        Run run = start(ProjectFolder.event("minimal-wave.json").toString(), "--name", "wave 1");

        assertThat(run.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(run.err()).startsWith("ferry: start: --name 'wave 1' must be 1 to 80 letters, digits, - or _");
        assertThat(aws.requests()).isEmpty();
    }

    private Run start(String... arguments) {
        List<String> line = new ArrayList<>(List.of("start"));
        line.addAll(List.of(arguments));
        line.addAll(List.of("--endpoint-url", aws.uri().toString(), "--region", "eu-central-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = FerryCli.run(line, ProjectFolder.root(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
