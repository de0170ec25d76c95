package dev.ferry.export;

import dev.ferry.server.WaveReport;

/**
 * Where the complete report of a wave goes: every server's row, however many, which neither the
 * execution's output (256 KiB) nor an email (256 KiB) can hold at 1,000 servers.
 */
public interface ReportExport {

    /**
     * Writes the complete report (a JSON document and a CSV table of the servers), replacing an
     * earlier export of the same wave, so that a retried Report writes the same objects again.
     *
     * @return where the files are
     * @throws ReportExportException when they could not be written
     */
    ExportedReport write(WaveReport complete);
}
