package dev.ferry.testing;

import dev.ferry.export.ExportedReport;
import dev.ferry.export.ReportExport;
import dev.ferry.export.ReportExportException;
import dev.ferry.server.WaveReport;

import java.util.ArrayList;
import java.util.List;

/** A report export that keeps what it was given, or fails as S3 would when told to. */
public final class InMemoryReportExport implements ReportExport {

    private final List<WaveReport> written = new ArrayList<>();
    private String failure;

    @Override
    public synchronized ExportedReport write(WaveReport complete) {
        if (failure != null) {
            throw new ReportExportException(failure, new IllegalStateException(failure));
        }
        written.add(complete);
        String folder = "s3://reports-bucket/reports/" + complete.waveId() + "/";
        return new ExportedReport(folder + "report.json", folder + "servers.csv");
    }

    /** Every later write fails with this message. */
    public synchronized InMemoryReportExport failingWith(String message) {
        failure = message;
        return this;
    }

    /** The complete reports written, in order. */
    public synchronized List<WaveReport> written() {
        return List.copyOf(written);
    }
}
