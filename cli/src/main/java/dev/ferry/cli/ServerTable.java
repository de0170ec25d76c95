package dev.ferry.cli;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Launch;
import dev.ferry.server.ServerRecord.MgnStates;
import dev.ferry.server.ServerRecord.Validation;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.WaveDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/ferry status WAVE}'s text: the wave and its execution, then one row per server with its
 * stage, MGN states and lag as last read, test and cutover instances, outcome and the reason for it.
 */
final class ServerTable {

    private ServerTable() {
    }

    static List<String> lines(WaveView view) {
        List<String> lines = new ArrayList<>();
        lines.add(heading(view));
        view.execution().ifPresentOrElse(execution -> {
            lines.add("Execution " + execution.status() + (execution.isRunning()
                    ? " since " + Texts.time(execution.startedAt())
                    : ", " + Texts.time(execution.startedAt()) + " to " + Texts.time(execution.stoppedAt())));
            lines.add("  " + execution.arn());
            if (execution.error() != null) {
                lines.add("  " + execution.error() + (execution.cause() == null ? "" : ": " + execution.cause()));
            }
        }, () -> lines.add("Execution: Step Functions no longer has it (it keeps ended executions for 90 days)"));
        if (view.wave().isEmpty()) {
            lines.add(view.isRunning() ? "No servers yet: Preflight has not stored the wave." : "No servers: the wave was never stored.");
            return lines;
        }
        lines.add("");
        TextTable table = new TextTable("SERVER", "SOURCE SERVER", "STAGE", "MGN", "LAG", "TEST INSTANCE",
                "CUTOVER INSTANCE", "OUTCOME", "REASON");
        for (ServerRecord server : view.servers()) {
            MgnStates mgn = server.lastSeen();
            table.row(server.label(), server.sourceServerId(), server.stage().name(),
                    mgn == null ? "-" : mgn.lifecycle() + " / " + mgn.replication(),
                    mgn == null ? "-" : Texts.lag(mgn.lagDuration()),
                    instance(server.test()), instance(server.cutover()), server.status().name(), reason(server));
        }
        lines.addAll(table.lines());
        lines.add("");
        lines.add(view.servers().size() + " servers: " + Texts.whereServersAre(view.servers()));
        return lines;
    }

    private static String heading(WaveView view) {
        if (view.wave().isEmpty()) {
            return "Wave " + view.waveId();
        }
        WaveRecord wave = view.wave().get();
        WaveDefinition definition = wave.definition();
        String name = definition.waveName().equals(view.waveId()) ? "" : " (" + definition.waveName() + ")";
        return "Wave " + view.waveId() + name + ": " + wave.status()
                + (wave.reason() == null ? "" : " - " + wave.reason())
                + "    " + Texts.route(definition)
                + "    started " + Texts.time(wave.startedAt());
    }

    /** The launched instance; the launch's state while there is none, or when it did not stay launched. */
    private static String instance(Launch launch) {
        if (launch == null) {
            return "-";
        }
        if (launch.instanceId() == null) {
            return launch.status();
        }
        return "LAUNCHED".equals(launch.status()) ? launch.instanceId() : launch.instanceId() + " " + launch.status();
    }

    /** Why the server stopped, else what holds it up (a stall, a failing check), else nothing. */
    private static String reason(ServerRecord server) {
        if (server.failure() != null) {
            return server.failure().reason();
        }
        if (server.stall() != null) {
            return "replication stalled since " + Texts.time(server.stall().since());
        }
        Validation validation = server.validation();
        if (validation != null && validation.outcome() == Validation.Outcome.PENDING && validation.detail() != null) {
            return validation.detail();
        }
        return "";
    }
}
