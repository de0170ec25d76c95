package dev.ferry.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.json.Json;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Integration test: {@link S3ReportExport} writing a wave's complete report to a bucket of a real
 * moto server (S3 emulator) through the SDK's S3 client, read back with GetObject. Skipped when
 * moto_server is not installed (see {@link MotoServer}).
 */
class S3ReportExportMotoIntegrationTest {

    private static final String BUCKET = "ferry-reports-111122223333";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static S3Client s3;

    @BeforeAll
    static void createTheBucket() {
        s3 = MOTO.client(S3Client.builder());
        s3.createBucket(bucket -> bucket.bucket(BUCKET));
    }

    @Test
    void theCompleteReportAndTheServersTableAreWrittenUnderTheWavesFolder() throws Exception {
        WaveReport complete = report("wave-json", 1200);

        ExportedReport files = new S3ReportExport(s3, BUCKET).write(complete);

        assertThat(files).isEqualTo(new ExportedReport("s3://" + BUCKET + "/reports/wave-json/report.json",
                "s3://" + BUCKET + "/reports/wave-json/servers.csv"));
        ResponseBytes<GetObjectResponse> json = object("reports/wave-json/report.json");
        assertThat(json.response().contentType()).isEqualTo("application/json");
        JsonNode read = Json.mapper().readTree(json.asByteArray());
        assertThat(read.path("servers")).hasSize(1200);
        assertThat(read.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(Json.mapper().treeToValue(read, WaveReport.class)).isEqualTo(complete);
    }

    @Test
    void theCsvHasAHeaderAndOneLinePerServer() {
        new S3ReportExport(s3, BUCKET).write(report("wave-csv", 300));

        ResponseBytes<GetObjectResponse> csv = object("reports/wave-csv/servers.csv");
        assertThat(csv.response().contentType()).startsWith("text/csv");
        List<String> lines = csv.asUtf8String().lines().toList();
        assertThat(lines).hasSize(301);
        assertThat(lines.getFirst()).startsWith("server,name,outcome,stage,reason,");
        assertThat(lines.get(1)).startsWith("s-00000000000000300,app-300,FAILED,CUTOVER_VALIDATION,");
    }

    @Test
    void aRetriedExportReplacesTheFirstOneWhole() {
        S3ReportExport export = new S3ReportExport(s3, BUCKET);
        export.write(report("wave-retry", 50));

        export.write(report("wave-retry", 40));

        assertThat(object("reports/wave-retry/servers.csv").asUtf8String().lines()).hasSize(41);
    }

    @Test
    void aMissingBucketIsAnExportFailureNamingTheObject() {
        S3ReportExport export = new S3ReportExport(s3, "no-such-bucket-here");

        assertThatThrownBy(() -> export.write(report("wave-x", 1)))
                .isInstanceOf(ReportExportException.class)
                .hasMessageStartingWith("could not write s3://no-such-bucket-here/reports/wave-x/report.json: ")
                .hasCauseInstanceOf(NoSuchBucketException.class);
    }

    private static ResponseBytes<GetObjectResponse> object(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key));
    }

    /** A complete report of {@code servers} servers in which the last failed its cutover validation. */
    private static WaveReport report(String waveId, int servers) {
        List<ServerOutcome> rows = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            boolean last = i == servers;
            rows.add(new ServerOutcome("s-%017d".formatted(i), "app-%03d".formatted(i),
                    last ? ServerOutcome.FAILED : ServerOutcome.CUT_OVER,
                    last ? Stage.CUTOVER_VALIDATION : Stage.DONE, last ? "HTTP GET http://10.0.0.9/: \"503\", twice" : null,
                    "i-%017d".formatted(i), "i-%017d".formatted(100_000 + i),
                    Map.of(Stage.REPLICATION, 92L, Stage.TEST_LAUNCH, 10L), "lt-0abc v2"));
        }
        return WaveReport.complete(waveId, "wave " + waveId, "COMPLETED", null, rows, null, List.of(), List.of());
    }
}
