package dev.ferry.local.rehearsal;

import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/ferry rehearse} and {@code serve} refuse input they cannot use with exit code 2, a
 * message naming each problem, and no stack trace, before anything starts.
 */
class FerryCommandInvalidInputTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSecondWaveNamedLikeTheRehearsedOneOrSwitchingDnsIsRefusedBeforeAnythingStarts() {
        int exit = run("rehearse", "--also", ProjectFolder.event("demo-wave.json").toString(), "--also-after", "30");

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("waveName media-stack-demo is taken by another wave of this rehearsal")
                .contains("a wave started alongside the rehearsed one may not switch DNS here");
        assertNoStackTrace();
    }

    @Test
    void whenTheSecondWaveStartsMeansNothingWithoutIt() {
        int exit = run("rehearse", "--also-after", "30");

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("--also-after says when the wave of --also starts");
    }

    @Test
    void aWaveThatFailsValidationNamesEachBadField() {
        int exit = run("rehearse", ProjectFolder.event("invalid-wave-missing-fields.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("invalid-wave-missing-fields.json: waveName:")
                .contains("targetRegion:")
                .contains("servers:");
        assertNoStackTrace();
    }

    @Test
    void aWaveWithBrokenJsonSaysWhere() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"waveName\": \"w\",\n  \"servers\": [\n");

        int exit = run("rehearse", broken.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("broken.json: is not valid JSON").contains("(line 3, column 1)")
                .doesNotContain("Source:");
        assertNoStackTrace();
    }

    @Test
    void anInvalidEnvironmentNamesEachBadField() throws IOException {
        Path environment = Files.writeString(folder.resolve("environment.json"), """
                {"accountId": "12345", "sourceRegion": "us-east-1", "targetRegion": "eu-central-1",
                 "replicationBandwidthMbps": -1,
                 "servers": [{"hostname": "web", "sourceInstanceId": "i-0123456789abcdef0", "os": "BEOS", "disks": []}]}
                """);

        int exit = run("rehearse", "--environment", environment.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("environment.json: accountId")
                .contains("replicationBandwidthMbps")
                .contains("servers[0].os")
                .contains("servers[0].disks");
        assertNoStackTrace();
    }

    @Test
    void aWaveForAnotherRegionThanTheEnvironmentIsRefused() throws IOException {
        String wave = Files.readString(ProjectFolder.event("demo-wave.json"))
                .replace("\"targetRegion\": \"eu-central-1\"", "\"targetRegion\": \"eu-west-1\"");
        Path elsewhere = Files.writeString(folder.resolve("elsewhere.json"), wave);

        int exit = run("rehearse", elsewhere.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("elsewhere.json: targetRegion: the wave moves servers to eu-west-1")
                .contains("simulates MGN in eu-central-1");
    }

    @Test
    void aMissingFileIsNamed() {
        int exit = run("rehearse", folder.resolve("nowhere.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("nowhere.json: cannot be read (no such file)");
        assertNoStackTrace();
    }

    @Test
    void serveRefusesAnInvalidEnvironment() throws IOException {
        Path environment = Files.writeString(folder.resolve("environment.json"), "[1, 2");

        int exit = run("serve", "--environment", environment.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("environment.json: is not valid JSON");
    }

    @Test
    void anUnknownOptionOrApprovalModeIsRefusedWithTheUsage() {
        assertThat(run("rehearse", "--approve", "maybe")).isEqualTo(2);
        assertThat(run("rehearse", "--sped", "10")).isEqualTo(2);
        assertThat(run("rehearse", "--speed", "-3")).isEqualTo(2);

        assertThat(errors()).contains("--approve must be auto, reject or link, not 'maybe'")
                .contains("unknown option --sped")
                .contains("--speed must be a positive number")
                .contains("usage: bin/ferry rehearse");
        assertNoStackTrace();
    }

    private int run(String... arguments) {
        List<String> line = new ArrayList<>(List.of(arguments));
        return FerryCommand.run(line, ProjectFolder.root(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertNoStackTrace() {
        assertThat(errors()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
