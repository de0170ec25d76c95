package dev.ferry.local.rehearsal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.json.Json;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.Rehearsal;
import dev.ferry.local.rehearsal.RehearsalOptions;
import dev.ferry.local.rehearsal.RehearsalResult;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.server.WaveReport;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a wave's outcome at a size where its report cannot list every server: a
 * generated wave of {@value #SERVERS} servers ({@link GeneratedWave}, straight to cutover) whose
 * last server's cutover launch fails. The exit code, the summary and the email come from every
 * server, the failed one first; the execution's output stays small; the export holds every row.
 */
class LastServerFailsRehearsalIntegrationTest {

    private static final int SERVERS = 250;
    private static final String LAST = GeneratedWave.serverId(SERVERS - 1);

    @TempDir
    static Path folder;

    private static RehearsalResult result;
    private static String display;

    @BeforeAll
    static void rehearse() {
        List<Path> files = new GeneratedWave(SERVERS, true, true).writeTo(folder, "last-server-fails", ProjectFolder.root());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        result = Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .wave(files.get(0))
                .environment(files.get(1))
                .approval(ApprovalMode.AUTO)
                .runFolder(Scenario.freshRunFolder("last-server-fails"))
                .display(new PrintStream(console, true, StandardCharsets.UTF_8))
                .start(Scenario.START)
                .build());
        display = console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRehearsalExitsOneAndItsSummaryCountsAndNamesTheFailedServer() {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(display).contains("Wave last-server-fails: COMPLETED - 249 of 250 servers cut over, 1 failed")
                .contains("  app-249: FAILED in CUTOVER_LAUNCH - cutover launch failed in MGN job mgnjob-");
    }

    @Test
    void theExecutionsOutputIsUnder32KiBListsTheFailedServerFirstAndSaysWhereEveryRowIs() throws IOException {
        assertThat(result.output().getBytes(StandardCharsets.UTF_8).length).isLessThan(32 * 1024);
        JsonNode output = Json.mapper().readTree(result.output());
        assertThat(output.path("counts").path("total").asInt()).isEqualTo(SERVERS);
        assertThat(output.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(output.path("truncated").asBoolean()).isTrue();
        assertThat(output.path("servers").get(0).path("server").asText()).isEqualTo(LAST);
        assertThat(output.path("stagesByOutcome").path("FAILED").path("CUTOVER_LAUNCH").asInt()).isEqualTo(1);
        assertThat(output.path("fullTable").path("csv").asText())
                .isEqualTo("s3://ferry-reports-111122223333-eu-central-1/reports/last-server-fails/servers.csv");
    }

    @Test
    void theExportHoldsEveryServerWithTheFailedOneFirst() throws IOException {
        WaveReport complete = result.completeReport();
        assertThat(complete.servers()).hasSize(SERVERS).first().satisfies(first -> {
            assertThat(first.server()).isEqualTo(LAST);
            assertThat(first.stage()).isEqualTo(Stage.CUTOVER_LAUNCH);
        });
        assertThat(complete.servers().subList(1, SERVERS))
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
        List<String> csv = Files.readAllLines(result.runFolder().resolve("servers.csv"));
        assertThat(csv).hasSize(SERVERS + 1);
        assertThat(csv.get(1)).startsWith(LAST + ",app-249,FAILED,CUTOVER_LAUNCH,");
    }

    @Test
    void theFinalEmailNamesTheFailedServerBeforeAnyServerCutOver() {
        OutboxMessage email = result.outbox().getLast();
        assertThat(email.subject()).isEqualTo("Ferry wave last-server-fails: COMPLETED");
        assertThat(email.message()).contains("250 servers: 249 cut over, 1 failed, 0 left out.")
                .contains("Fetch it with: aws s3 cp 's3://ferry-reports-111122223333-eu-central-1/reports/"
                        + "last-server-fails/servers.csv' .");
        assertThat(email.message().indexOf(LAST)).isPositive().isLessThan(email.message().indexOf("CUT_OVER"));
    }
}
