package dev.ferry.stage.finalize;

import dev.ferry.agent.AgentInstallStore;
import dev.ferry.server.ServerClaim;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveReport;
import dev.ferry.testing.InMemoryReportExport;
import dev.ferry.testing.InMemoryServerClaims;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.json.Json;
import dev.ferry.notify.Notification;
import dev.ferry.notify.Notifier;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveReport.Counts;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.fakes.WaveFixtures.WAVE_ID;
import static dev.ferry.stage.fakes.WaveFixtures.failedValidation;
import static dev.ferry.stage.fakes.WaveFixtures.instanceId;
import static dev.ferry.stage.fakes.WaveFixtures.passed;
import static dev.ferry.stage.fakes.WaveFixtures.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ReportServiceTest {

    private static final JsonNode LAMBDA_ERROR = JsonNodeFactory.instance.objectNode()
            .put("Error", "dev.ferry.server.UnknownWaveException")
            .put("Cause", "{\"errorMessage\":\"No wave with ID x is stored\",\"errorType\":"
                    + "\"dev.ferry.server.UnknownWaveException\",\"stackTrace\":[\"a.b(C.java:1)\"]}");

    private final Instant now = WaveFixtures.START.plus(Duration.ofHours(50));
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final Notifier notifier = mock(Notifier.class);
    private final InMemoryReportExport export = new InMemoryReportExport();
    private final InMemoryServerClaims claims = new InMemoryServerClaims();
    private final ReportService service =
            new ReportService(waves, AgentInstallStore.none(), claims, export, notifier, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aWaveWithSomeServersFailedUnderContinueIsCompleted() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1), failedValidation(2, Phase.TEST, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.reason()).isNull();
        assertThat(report.counts()).isEqualTo(new Counts(2, 1, 1, 0));
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.COMPLETED);
    }

    @Test
    void eachServerHasARowWithItsOutcomeStageReasonAndInstances() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1), failedValidation(2, Phase.TEST, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        ServerOutcome failed = report.servers().get(0);
        assertThat(failed.server()).isEqualTo(serverId(2));
        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(failed.reason()).isEqualTo("refused");
        ServerOutcome cutOver = report.servers().get(1);
        assertThat(cutOver.server()).isEqualTo(serverId(1));
        assertThat(cutOver.name()).isEqualTo("server-1");
        assertThat(cutOver.outcome()).isEqualTo("CUT_OVER");
        assertThat(cutOver.stage()).isEqualTo(Stage.DONE);
        assertThat(cutOver.testInstanceId()).isEqualTo(instanceId(1, Phase.TEST));
        assertThat(cutOver.cutoverInstanceId()).isEqualTo(instanceId(1, Phase.CUTOVER));
    }

    @Test
    void failedServersComeFirstThenThoseLeftOutThenThoseCutOverEachInServerOrder() {
        ServerRecord leftOut = passed(3, Phase.TEST).leftOut("the wave ended before this server was cut over", now);
        givenWave(OnServerFailure.CONTINUE, cutOver(1), cutOver(2), leftOut, failedValidation(4, Phase.TEST, "refused"),
                failedValidation(5, Phase.CUTOVER, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.servers()).extracting(ServerOutcome::server)
                .containsExactly(serverId(4), serverId(5), serverId(3), serverId(1), serverId(2));
    }

    @Test
    void theCountsPerOutcomeAndStageCoverEveryServer() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1), cutOver(2), failedValidation(3, Phase.TEST, "refused"),
                failedValidation(4, Phase.CUTOVER, "refused"), failedValidation(5, Phase.CUTOVER, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.stagesByOutcome()).containsOnlyKeys("CUT_OVER", "FAILED");
        assertThat(report.stagesByOutcome().get("CUT_OVER")).containsExactly(entry(Stage.DONE, 2));
        assertThat(report.stagesByOutcome().get("FAILED"))
                .containsExactly(entry(Stage.TEST_VALIDATION, 1), entry(Stage.CUTOVER_VALIDATION, 2));
    }

    @Test
    void eachRowCountsTheWholeMinutesSpentInEachStage() {
        givenWave(OnServerFailure.CONTINUE, failedValidation(1, Phase.TEST, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        // The fixture enters a stage every ten minutes and fails validation 90 minutes after the start.
        assertThat(report.servers().get(0).minutesPerStage())
                .containsEntry(Stage.PREFLIGHT, 10L)
                .containsEntry(Stage.TEST_LAUNCH, 10L)
                .containsEntry(Stage.TEST_VALIDATION, 50L);
    }

    @Test
    void anErrorMakesTheWaveFailedQuotingTheErrorNameAndItsMessage() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, LAMBDA_ERROR));

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.reason()).isEqualTo("the wave failed unexpectedly: dev.ferry.server.UnknownWaveException: "
                + "No wave with ID x is stored");
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.FAILED);
    }

    @Test
    void aFailureOutranksAStop() {
        waves.with(WaveFixtures.wave(OnServerFailure.STOP).withStatus(WaveStatus.STOPPED, "server-2 failed"),
                List.of(cutOver(1)));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, LAMBDA_ERROR));

        assertThat(report.status()).isEqualTo("FAILED");
    }

    @Test
    void aStoppedWaveLeavesItsActiveServersOutWithTheStopReason() {
        waves.with(WaveFixtures.wave(OnServerFailure.STOP).withStatus(WaveStatus.STOPPED, "server-2 failed"),
                List.of(passed(1, Phase.TEST), failedValidation(2, Phase.TEST, "refused")));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.status()).isEqualTo("STOPPED");
        assertThat(report.reason()).isEqualTo("server-2 failed");
        ServerRecord leftOut = waves.server(WAVE_ID, serverId(1));
        assertThat(leftOut.status()).isEqualTo(ServerStatus.LEFT_OUT);
        assertThat(leftOut.failure().reason()).isEqualTo("left behind when the wave stopped: server-2 failed");
        assertThat(report.counts()).isEqualTo(new Counts(2, 0, 1, 1));
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.STOPPED);
    }

    @Test
    void aWaveNotApprovedIsReportedSo() {
        ServerRecord leftOut = passed(1, Phase.TEST).leftOut("cutover not approved: approval timed out after 24 hours", now);
        waves.with(WaveFixtures.wave(OnServerFailure.CONTINUE)
                        .withStatus(WaveStatus.NOT_APPROVED, "cutover not approved: approval timed out after 24 hours"),
                List.of(leftOut));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.status()).isEqualTo("NOT_APPROVED");
        assertThat(report.servers().get(0).outcome()).isEqualTo("LEFT_OUT");
        assertThat(report.servers().get(0).reason()).isEqualTo("cutover not approved: approval timed out after 24 hours");
    }

    @Test
    void theFinalEmailCarriesTheStatusInItsSubjectAndATableOfServers() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1), failedValidation(2, Phase.TEST, "refused"));

        service.report(new ReportRequest(WAVE_ID, null));

        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(1)).publish(sent.capture());
        assertThat(sent.getValue().subject()).isEqualTo("Ferry wave media-stack: COMPLETED");
        assertThat(sent.getValue().body())
                .contains("2 servers: 1 cut over, 1 failed, 0 left out.")
                .contains(instanceId(1, Phase.CUTOVER), "TEST_VALIDATION", "refused");
    }

    @Test
    void aRepeatedReportChangesNoDataAndReturnsTheSameReport() {
        waves.with(WaveFixtures.wave(OnServerFailure.STOP).withStatus(WaveStatus.STOPPED, "server-2 failed"),
                List.of(passed(1, Phase.TEST), failedValidation(2, Phase.TEST, "refused")));
        WaveReport first = service.report(new ReportRequest(WAVE_ID, null));
        List<ServerRecord> afterFirst = waves.servers(WAVE_ID);
        int writesAfterFirst = waves.serverWrites().size();

        WaveReport second = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(second).isEqualTo(first);
        assertThat(waves.servers(WAVE_ID)).isEqualTo(afterFirst);
        assertThat(waves.serverWrites()).hasSize(writesAfterFirst);
        assertThat(waves.waveUpdates()).isEmpty();
    }

    @Test
    void aThousandServerWaveWhoseLastServerFailedListsItFirstInAnOutputUnder32KiB() throws Exception {
        givenThousandServersOfWhichTheLastFailed();

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.counts()).isEqualTo(new Counts(1000, 999, 1, 0));
        assertThat(report.everyServerCutOver()).isFalse();
        assertThat(report.truncated()).isTrue();
        assertThat(Json.mapper().writeValueAsBytes(report).length).isLessThan(32 * 1024);
        assertThat(report.servers()).hasSizeLessThan(1000).first().satisfies(first -> {
            assertThat(first.server()).isEqualTo(serverId(1000));
            assertThat(first.outcome()).isEqualTo("FAILED");
        });
        assertThat(report.fullTable()).isEqualTo(new WaveReport.FullTable(
                "the in-memory wave store, wave " + WAVE_ID,
                "s3://reports-bucket/reports/" + WAVE_ID + "/report.json",
                "s3://reports-bucket/reports/" + WAVE_ID + "/servers.csv", null));
    }

    @Test
    void theExportHoldsEveryRowOfAThousandServerWaveWithTheFailedOneFirst() {
        givenThousandServersOfWhichTheLastFailed();

        service.report(new ReportRequest(WAVE_ID, null));

        WaveReport complete = export.written().getFirst();
        assertThat(complete.servers()).hasSize(1000);
        assertThat(complete.truncated()).isFalse();
        assertThat(complete.servers().getFirst().server()).isEqualTo(serverId(1000));
        assertThat(complete.servers().subList(1, 1000)).extracting(ServerOutcome::server)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 999)
                        .mapToObj(WaveFixtures::serverId).toList());
    }

    @Test
    void theEmailOfAThousandServerWaveNamesTheFailedServerBeforeAnyCutOverAndSaysWhereEveryRowIs() {
        givenThousandServersOfWhichTheLastFailed();

        service.report(new ReportRequest(WAVE_ID, null));

        String body = sentEmail().body();
        assertThat(body).contains("1000 servers: 999 cut over, 1 failed, 0 left out.")
                .contains("Failed: 1 in CUTOVER_VALIDATION.")
                .contains("Fetch it with: aws s3 cp 's3://reports-bucket/reports/" + WAVE_ID + "/servers.csv' .");
        assertThat(body.indexOf(serverId(1000))).isPositive().isLessThan(body.indexOf("CUT_OVER"));
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
    }

    @Test
    void theEmailListsEveryFailedServerBeforeTheFirstCutOverOneWhenHundredsFailed() {
        List<ServerRecord> servers = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            // Long reasons make the table too wide for every row to fit in one email.
            servers.add(i % 4 == 0 ? failedValidation(i, Phase.TEST, "TCP port 22: connection refused; " + "x".repeat(200))
                    : cutOver(i));
        }
        givenWave(OnServerFailure.CONTINUE, servers.toArray(ServerRecord[]::new));

        service.report(new ReportRequest(WAVE_ID, null));

        String body = sentEmail().body();
        int firstCutOver = body.indexOf("CUT_OVER");
        for (int i = 4; i <= 1000; i += 4) {
            assertThat(body.indexOf(serverId(i))).as("failed server %d", i).isPositive().isLessThan(firstCutOver);
        }
        assertThat(body).contains("Listed: ").contains("every failed and left-out one first");
    }

    @Test
    void anExportThatFailsIsSaidInTheReportAndTheEmailWhileTheWaveIsStillReported() {
        export.failingWith("could not write s3://reports-bucket/reports/x/report.json: Access Denied");
        givenWave(OnServerFailure.CONTINUE, cutOver(1), failedValidation(2, Phase.TEST, "refused"));

        WaveReport report = service.report(new ReportRequest(WAVE_ID, null));

        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.counts()).isEqualTo(new Counts(2, 1, 1, 0));
        assertThat(report.fullTable().csv()).isNull();
        assertThat(report.fullTable().exportError()).contains("Access Denied");
        assertThat(sentEmail().body())
                .contains("The complete table could not be exported: could not write s3://reports-bucket/reports/x/"
                        + "report.json: Access Denied.")
                .contains("Every server's record: the in-memory wave store, wave " + WAVE_ID + ".");
    }

    @Test
    void aWaveThatFailedBeforeItWasStoredIsReportedFailed() {
        WaveReport report = service.report(new ReportRequest("never-stored", LAMBDA_ERROR));

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.servers()).isEmpty();
        assertThat(report.reason()).contains("No wave with ID x is stored");
    }

    @Test
    void aReportForAnUnknownWaveWithoutAnErrorIsRefused() {
        assertThatThrownBy(() -> service.report(new ReportRequest("never-stored", null)))
                .isInstanceOf(UnknownWaveException.class);
    }

    private void givenThousandServersOfWhichTheLastFailed() {
        List<ServerRecord> servers = new ArrayList<>();
        for (int i = 1; i < 1000; i++) {
            servers.add(cutOver(i));
        }
        servers.add(failedValidation(1000, Phase.CUTOVER, "HTTP GET http://10.0.1.9/: status 503"));
        givenWave(OnServerFailure.CONTINUE, servers.toArray(ServerRecord[]::new));
    }

    private Notification sentEmail() {
        ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
        verify(notifier, times(1)).publish(sent.capture());
        return sent.getValue();
    }

    @Test
    void theEndedWaveGivesItsServersBackAndLeavesOtherWavesClaimsAlone() {
        givenWave(OnServerFailure.CONTINUE, cutOver(1), failedValidation(2, Phase.TEST, "refused"));
        String execution = WaveFixtures.wave(OnServerFailure.CONTINUE).executionArn();
        String otherExecution = "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:wave-b";
        claims.claim(new ServerClaim(WaveFixtures.serverId(1), WaveFixtures.WAVE_ID, execution, "server-1"));
        claims.claim(new ServerClaim(WaveFixtures.serverId(2), WaveFixtures.WAVE_ID, execution, "server-2"));
        // A server this wave never held, claimed by a wave that runs on.
        claims.claim(new ServerClaim(WaveFixtures.serverId(3), "wave-b", otherExecution, "server-3"));

        service.report(new ReportRequest(WaveFixtures.WAVE_ID, null));
        service.report(new ReportRequest(WaveFixtures.WAVE_ID, null));

        assertThat(claims.holder(WaveFixtures.serverId(1))).isEmpty();
        assertThat(claims.holder(WaveFixtures.serverId(2))).isEmpty();
        assertThat(claims.holder(WaveFixtures.serverId(3))).map(ServerClaim::waveId).contains("wave-b");
    }

    private void givenWave(OnServerFailure policy, ServerRecord... servers) {
        WaveRecord wave = WaveFixtures.wave(policy);
        waves.with(wave, List.of(servers));
    }

    private ServerRecord cutOver(int number) {
        return passed(number, Phase.CUTOVER).enteringStage(Stage.FINALIZE, now.minus(Duration.ofMinutes(5)))
                .cutOver(now.minus(Duration.ofMinutes(1)));
    }
}
