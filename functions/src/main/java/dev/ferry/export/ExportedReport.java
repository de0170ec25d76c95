package dev.ferry.export;

/**
 * Where a wave's complete report was written.
 *
 * @param json the complete report as JSON, e.g. {@code s3://bucket/reports/wave-1/report.json}
 * @param csv  the servers' table as CSV, e.g. {@code s3://bucket/reports/wave-1/servers.csv}
 */
public record ExportedReport(String json, String csv) {
}
