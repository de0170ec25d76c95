package dev.ferry.notify;

import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.Counts;
import dev.ferry.server.WaveReport.FullTable;
import dev.ferry.server.WaveReport.ServerOutcome;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The final email of a wave: how it ended, the counts, a row per server with every failed and
 * left-out server first, and where the complete table is. SNS takes 256 KiB per message, so the
 * tables stop at a size budget; the counts always cover every server.
 */
public final class ReportMessage {

    /** Characters of the server table; with the rest of the message well under SNS's 256 KiB. */
    static final int MAX_SERVER_TABLE_CHARS = 150_000;
    /** Characters of the agent installation table. */
    static final int MAX_INSTALL_TABLE_CHARS = 40_000;

    private static final DateTimeFormatter STEP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportMessage() {
    }

    /** The email of a complete report (every row, problems first). */
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
        stagesOfProblems(body, report.stagesByOutcome());
        if (!report.servers().isEmpty()) {
            TextTable table = serverTable(report.servers());
            body.append('\n').append(table.render());
            if (table.rowCount() < report.servers().size()) {
                body.append("Listed: ").append(table.rowCount()).append(" of ").append(report.servers().size())
                        .append(" servers, every failed and left-out one first (as far as they fit).\n");
            }
        }
        agentInstalls(body, report.agentInstalls());
        network(body, report.network());
        dnsSteps(body, report.dnsSteps());
        fullTable(body, report.fullTable());
        return new Notification("Ferry wave " + name + ": " + report.status(), body.toString());
    }

    /** "Failed: 2 in TEST_VALIDATION, 1 in CUTOVER_LAUNCH." for each outcome but cut over. */
    private static void stagesOfProblems(StringBuilder body, Map<String, Map<Stage, Integer>> stagesByOutcome) {
        stagesByOutcome.forEach((outcome, stages) -> {
            if (ServerOutcome.CUT_OVER.equals(outcome) || stages.isEmpty()) {
                return;
            }
            List<String> parts = new ArrayList<>();
            stages.forEach((stage, count) -> parts.add(count + " in " + stage.name()));
            body.append(outcome.equals(ServerOutcome.FAILED) ? "Failed: " : "Left out: ")
                    .append(String.join(", ", parts)).append(".\n");
        });
    }

    private static TextTable serverTable(List<ServerOutcome> servers) {
        boolean templates = servers.stream().anyMatch(server -> server.launchTemplate() != null);
        TextTable table = templates
                ? new TextTable("Server", "Source server", "Outcome", "Stage", "Test instance", "Cutover instance",
                        "Launch template", "Reason")
                : new TextTable("Server", "Source server", "Outcome", "Stage", "Test instance", "Cutover instance",
                        "Reason");
        for (ServerOutcome server : servers) {
            String stage = server.stage() == null ? null : server.stage().name();
            if (templates) {
                table.row(server.name(), server.server(), server.outcome(), stage, server.testInstanceId(),
                        server.cutoverInstanceId(), server.launchTemplate(), server.reason());
            } else {
                table.row(server.name(), server.server(), server.outcome(), stage, server.testInstanceId(),
                        server.cutoverInstanceId(), server.reason());
            }
            if (table.renderedLengthBound() >= MAX_SERVER_TABLE_CHARS) {
                break;
            }
        }
        return table;
    }

    /** How each agent installation ended: the server it became, or why it did not. */
    private static void agentInstalls(StringBuilder body, List<AgentInstallOutcome> installs) {
        if (installs.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("Server", "Instance", "Outcome", "Source server", "Command", "Minutes",
                "Fixes and reason");
        for (AgentInstallOutcome install : installs) {
            List<String> details = new ArrayList<>(install.fixesApplied());
            if (install.reason() != null) {
                details.add(install.reason());
            }
            table.row(install.name(), install.instanceId(), install.outcome(), install.sourceServerId(),
                    install.commandId(), install.minutes() == null ? null : install.minutes().toString(),
                    String.join("; ", details));
            if (table.renderedLengthBound() >= MAX_INSTALL_TABLE_CHARS) {
                break;
            }
        }
        body.append("\nAgent installation (SSM Run Command, no keys):\n").append(table.render());
        if (table.rowCount() < installs.size()) {
            body.append("Listed: ").append(table.rowCount()).append(" of ").append(installs.size())
                    .append(" installations, every failed one first (as far as they fit).\n");
        }
    }

    /** Where every row is: the exported files, with the command that fetches them, and the table's records. */
    private static void fullTable(StringBuilder body, FullTable where) {
        if (where == null) {
            return;
        }
        body.append('\n');
        if (where.csv() != null) {
            body.append("Every server's row: ").append(where.csv()).append(" (CSV) and ").append(where.json())
                    .append(" (JSON).\n")
                    .append("Fetch it with: aws s3 cp '").append(where.csv()).append("' .\n");
        } else {
            body.append("The complete table could not be exported: ").append(where.exportError()).append(".\n");
        }
        body.append("Every server's record: ").append(where.records()).append(".\n");
    }

    /** The key pair and the security groups the wave set up in the target region. */
    private static void network(StringBuilder body, NetworkSetup network) {
        if (network == null) {
            return;
        }
        body.append("\nNetwork in the target region:\n");
        if (network.keyName() != null) {
            body.append("- key pair ").append(network.keyName())
                    .append(network.keyPairImported() ? " (imported from the wave's public key)" : " (existing, reused)")
                    .append('\n');
        }
        network.copiesInOrder().forEach((source, copy) -> body.append("- security group ").append(copy)
                .append(" copies ").append(source)
                .append(network.groupsCreated().contains(source) ? " (created)" : " (reused)").append('\n'));
        network.differences().forEach(difference -> body.append("- differs: ").append(difference).append('\n'));
        network.notCopied().forEach(rule -> body.append("- ").append(rule).append('\n'));
    }

    /** Each change the DNS switch made, in order. */
    private static void dnsSteps(StringBuilder body, List<DnsSwitchProgress.StepRecord> steps) {
        if (steps.isEmpty()) {
            return;
        }
        body.append("\nDNS switch:\n");
        steps.forEach(step -> body.append("- ").append(step.at() == null ? "" : STEP_TIME.format(step.at())).append(' ')
                .append(step.text()).append('\n'));
    }
}
