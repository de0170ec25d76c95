package dev.ferry.local.rehearsal.cli;

import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.s3.S3Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the real AWS CLI fetching from the simulated S3 on a loopback port what the SDK's S3 client put
 * there, as a user fetches the controller's exported reports: {@code aws s3 ls} and {@code aws s3 cp ... -}.
 * Skipped, saying so, when {@code aws} is not installed, unless {@code FERRY_REQUIRE_TOOLS=true}.
 */
class S3AwsCliIntegrationTest {

    private static final String BUCKET = "ferry-reports";
    private static final String REPORT = "server,state\nweb-1,CUTOVER\nweb-2,CUTOVER\n";

    @TempDir
    Path folder;

    private Path executable;
    private Path emptyConfig;
    private S3Simulator simulator;
    private LocalCloudServer server;

    @BeforeEach
    void start() throws IOException {
        executable = AwsCli.require();
        emptyConfig = Files.writeString(folder.resolve("empty-config"), "");
        simulator = new S3Simulator(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), List.of(BUCKET));
        server = LocalCloudServer.start(0, List.of(simulator));
        try (S3Client s3 = pointedAt(S3Client.builder(), server, Region.US_EAST_1).build()) {
            s3.putObject(request -> request.bucket(BUCKET).key("reports/w-1/report.csv").contentType("text/csv"),
                    RequestBody.fromString(REPORT));
            s3.putObject(request -> request.bucket(BUCKET).key("reports/w-1/cut over notes.txt"),
                    RequestBody.fromString("notes"));
            s3.putObject(request -> request.bucket(BUCKET).key("reports/w-1/servers/web-1.json"),
                    RequestBody.fromString("{}"));
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void copyToStandardOutputPrintsTheReport() {
        AwsCli.Result result = cli().run("s3", "cp", "s3://" + BUCKET + "/reports/w-1/report.csv", "-");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).isEqualTo(REPORT);
    }

    @Test
    void listingAFolderShowsItsFilesWithTheirSizesAndItsSubfolders() {
        AwsCli.Result result = cli().run("s3", "ls", "s3://" + BUCKET + "/reports/w-1/");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output().lines().map(String::strip).toList())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).isEqualTo("PRE servers/"))
                .anySatisfy(line -> assertThat(line).endsWith(" " + REPORT.length() + " report.csv"))
                .anySatisfy(line -> assertThat(line).endsWith(" 5 cut over notes.txt"));
    }

    @Test
    void aMissingReportIsNotFound() {
        AwsCli.Result result = cli().run("s3", "cp", "s3://" + BUCKET + "/reports/w-2/report.csv", "-");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("404");
    }

    @Test
    void aFileCopiedUpWithTheCliIsStoredAsItIs() throws IOException {
        Files.writeString(folder.resolve("plan.csv"), "wave,servers\nw-2,3\n");

        AwsCli.Result result = cli().run("s3", "cp", "plan.csv", "s3://" + BUCKET + "/uploads/plan.csv");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(simulator.object(BUCKET, "uploads/plan.csv")).hasValueSatisfying(stored ->
                assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("wave,servers\nw-2,3\n"));
    }

    private AwsCli cli() {
        return AwsCli.at(executable, server.endpoint(), "us-east-1", folder, emptyConfig);
    }
}
