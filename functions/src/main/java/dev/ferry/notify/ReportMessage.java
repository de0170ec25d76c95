package dev.ferry.notify;

import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.stage.WaveReport;
import dev.ferry.stage.WaveReport.AgentInstallOutcome;
import dev.ferry.stage.WaveReport.Counts;
import dev.ferry.stage.WaveReport.ServerOutcome;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The final email of a wave: how it ended, the counts and a row per server. */
public final class ReportMessage {

    private static final DateTimeFormatter STEP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

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
        agentInstalls(body, report.agentInstalls());
        network(body, report.network());
        dnsSteps(body, report.dnsSteps());
        if (report.truncated()) {
            body.append("\nOnly the first ").append(Wording.servers(report.servers().size()))
                    .append(" are listed; the wave's table in DynamoDB holds every server.\n");
        }
        return new Notification("Ferry wave " + name + ": " + report.status(), body.toString());
    }

    private static TextTable table(WaveReport report) {
        boolean templates = report.servers().stream().anyMatch(server -> server.launchTemplate() != null);
        TextTable table = templates
                ? new TextTable("Server", "Source server", "Outcome", "Stage", "Test instance", "Cutover instance",
                        "Launch template", "Reason")
                : new TextTable("Server", "Source server", "Outcome", "Stage", "Test instance", "Cutover instance",
                        "Reason");
        for (ServerOutcome server : report.servers()) {
            String stage = server.stage() == null ? null : server.stage().name();
            if (templates) {
                table.row(server.name(), server.server(), server.outcome(), stage, server.testInstanceId(),
                        server.cutoverInstanceId(), server.launchTemplate(), server.reason());
            } else {
                table.row(server.name(), server.server(), server.outcome(), stage, server.testInstanceId(),
                        server.cutoverInstanceId(), server.reason());
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
        }
        body.append("\nAgent installation (SSM Run Command, no keys):\n").append(table.render());
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
