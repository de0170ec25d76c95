package dev.ferry.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.json.Json;
import dev.ferry.server.WaveReport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a wave's complete report to the stack's report bucket, under {@code reports/<wave ID>/}:
 * {@code report.json} (the report with every row) and {@code servers.csv}. PutObject replaces an
 * object whole, so a retry after a write that succeeded but was reported as failed leaves the same
 * objects, never a mix of two attempts.
 */
public final class S3ReportExport implements ReportExport {

    static final String PREFIX = "reports/";
    static final String JSON_FILE = "report.json";
    static final String CSV_FILE = "servers.csv";

    private final S3Client s3;
    private final String bucket;

    public S3ReportExport(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public ExportedReport write(WaveReport complete) {
        String folder = PREFIX + complete.waveId() + "/";
        String json = put(folder + JSON_FILE, "application/json", jsonOf(complete));
        String csv = put(folder + CSV_FILE, "text/csv; charset=utf-8", ServerTableCsv.of(complete.servers()));
        return new ExportedReport(json, csv);
    }

    private String put(String key, String contentType, String content) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
        } catch (SdkException e) {
            throw new ReportExportException("could not write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        return "s3://" + bucket + "/" + key;
    }

    private static String jsonOf(WaveReport complete) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(complete);
        } catch (JsonProcessingException cannotHappen) {
            throw new UncheckedIOException("A report is plain data", cannotHappen);
        }
    }
}
