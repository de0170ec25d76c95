package dev.ferry.notify;

import dev.ferry.stage.WaveReport;
import dev.ferry.stage.WaveReport.Counts;
import dev.ferry.stage.WaveReport.ServerOutcome;

/** The final email of a wave: how it ended, the counts and a row per server. */
public final class ReportMessage {

    private ReportMessage() {
    }

    public static Notification of(WaveReport report) {
        String name = report.waveName() != null ? report.waveName() : report.waveId();
        Counts counts = report.counts();
        StringBuilder body = new StringBuilder()
                .append("Wave ").append(name).append(" (").append(report.waveId()).append(") ended ")
                .append(report.status()).append(".\n");
        if (report.reason() != null) {
            body.append("Reason: ").append(report.reason()).append('\n');
        }
        body.append('\n')
                .append(Wording.servers(counts.total())).append(": ")
                .append(counts.cutOver()).append(" cut over, ")
                .append(counts.failed()).append(" failed, ")
                .append(counts.leftOut()).append(" left out.\n");
        if (!report.servers().isEmpty()) {
            body.append('\n').append(table(report).render());
        }
        if (report.truncated()) {
            body.append("\nOnly the first ").append(Wording.servers(report.servers().size()))
                    .append(" are listed; the wave's table in DynamoDB holds every server.\n");
        }
        return new Notification("Ferry wave " + name + ": " + report.status(), body.toString());
    }

    private static TextTable table(WaveReport report) {
        TextTable table = new TextTable("Server", "Source server", "Outcome", "Stage", "Test instance",
                "Cutover instance", "Reason");
        for (ServerOutcome server : report.servers()) {
            table.row(server.name(), server.server(), server.outcome(),
                    server.stage() == null ? null : server.stage().name(),
                    server.testInstanceId(), server.cutoverInstanceId(), server.reason());
        }
        return table;
    }
}
