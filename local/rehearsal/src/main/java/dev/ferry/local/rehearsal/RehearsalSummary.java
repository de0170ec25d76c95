package dev.ferry.local.rehearsal;

import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.server.Stage;
import dev.ferry.stage.WaveReport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end of a rehearsal on the console: a table of the servers (outcome, instance IDs, minutes per
 * stage), why any server did not make it, and what it took (state transitions, history events, MGN
 * calls, simulated and wall time).
 */
final class RehearsalSummary {

    /** Column headings of the stages a server spends time in. */
    private static final Map<Stage, String> STAGE_COLUMNS = new EnumMap<>(Map.of(
            Stage.PREFLIGHT, "Pre",
            Stage.PREPARE_LAUNCH, "Prep",
            Stage.REPLICATION, "Repl",
            Stage.TEST_LAUNCH, "Test",
            Stage.TEST_VALIDATION, "TVal",
            Stage.READY_FOR_CUTOVER, "Ready",
            Stage.APPROVAL, "Appr",
            Stage.CUTOVER_LAUNCH, "Cut",
            Stage.CUTOVER_VALIDATION, "CVal",
            Stage.FINALIZE, "Fin"));

    private RehearsalSummary() {
    }

    static void print(PrintStream out, RehearsalResult result) {
        out.println();
        out.println(headline(result));
        if (result.report() != null && !result.report().servers().isEmpty()) {
            printServers(out, result.report().servers());
        }
        if (result.error() != null) {
            out.println("Execution " + result.status() + ": " + result.error()
                    + (result.cause() == null ? "" : " - " + result.cause()));
        }
        out.println();
        out.println("State transitions: " + result.stateTransitions() + "   history events: " + result.historyEvents());
        out.println("MGN calls: " + result.mgnCalls().size() + " (" + callCounts(result.mgnCalls()) + ")");
        out.println("MGN events: " + result.mgnEvents().size() + " emitted, " + result.eventInvocations().stream()
                .filter(invocation -> !invocation.detailType().equals("Scheduled Event")).count()
                + " delivered to the event router; reconciler runs: " + result.eventInvocations().stream()
                .filter(invocation -> invocation.detailType().equals("Scheduled Event")).count());
        out.println("Simulated time: " + SimulatedTime.words(result.simulatedDuration())
                + "   wall time: " + String.format(Locale.ROOT, "%.1f s", result.wallTime().toMillis() / 1000.0));
        out.println("Emails (" + result.outbox().size() + ") and log: " + result.runFolder());
    }

    private static String headline(RehearsalResult result) {
        WaveReport report = result.report();
        if (report == null) {
            return "Wave " + result.waveName() + ": " + result.status() + " before its report";
        }
        WaveReport.Counts counts = report.counts();
        return "Wave " + result.waveName() + ": " + report.status() + " - " + counts.cutOver() + " of " + counts.total()
                + " servers cut over" + (counts.failed() > 0 ? ", " + counts.failed() + " failed" : "")
                + (counts.leftOut() > 0 ? ", " + counts.leftOut() + " left out" : "")
                + (report.reason() == null ? "" : " (" + report.reason() + ")");
    }

    private static void printServers(PrintStream out, List<WaveReport.ServerOutcome> servers) {
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : STAGE_COLUMNS.keySet()) {
            if (servers.stream().anyMatch(server -> server.minutesPerStage().containsKey(stage))) {
                stages.add(stage);
            }
        }
        int nameWidth = Math.max("Server".length(), servers.stream().mapToInt(server -> server.name().length()).max().orElse(0));
        StringBuilder heading = new StringBuilder(String.format("%-" + nameWidth + "s  %-9s  %-19s  %-19s",
                "Server", "Outcome", "Test instance", "Cutover instance"));
        stages.forEach(stage -> heading.append(String.format(" %5s", STAGE_COLUMNS.get(stage))));
        out.println();
        out.println(heading);
        for (WaveReport.ServerOutcome server : servers) {
            StringBuilder row = new StringBuilder(String.format("%-" + nameWidth + "s  %-9s  %-19s  %-19s", server.name(),
                    server.outcome(), orDash(server.testInstanceId()), orDash(server.cutoverInstanceId())));
            stages.forEach(stage -> {
                Long minutes = server.minutesPerStage().get(stage);
                row.append(String.format(" %5s", minutes == null ? "-" : minutes.toString()));
            });
            out.println(row);
        }
        out.println("Minutes per stage: " + legend(stages));
        for (WaveReport.ServerOutcome server : servers) {
            if (server.reason() != null) {
                out.println("  " + server.name() + ": " + server.outcome() + " in " + server.stage() + " - " + server.reason());
            }
        }
    }

    private static String legend(List<Stage> stages) {
        List<String> entries = new ArrayList<>();
        stages.forEach(stage -> entries.add(STAGE_COLUMNS.get(stage) + " " + stage.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return String.join(", ", entries);
    }

    private static String callCounts(List<ApiCall> calls) {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.operation(), 1, Integer::sum));
        List<String> entries = new ArrayList<>();
        counts.forEach((operation, count) -> entries.add(operation + " " + count));
        return String.join(", ", entries);
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
