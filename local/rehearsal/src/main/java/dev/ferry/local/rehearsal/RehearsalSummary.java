package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.faults.ServiceFaultCount;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end of a rehearsal on the console: a table of the servers (outcome, instance IDs, minutes of
 * their agent installation and per stage), why any server or agent installation did not make it,
 * the network set up in the target region, each step of the DNS switch, and what it took (state
 * transitions, history events, MGN calls, simulated and wall time).
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

    /** Column heading of the agent installation, from Preflight to the server's registration in MGN. */
    private static final String AGENT_COLUMN = "Agent";

    private RehearsalSummary() {
    }

    static void print(PrintStream out, RehearsalResult result) {
        out.println();
        out.println(headline(result));
        WaveReport report = result.report();
        if (report != null) {
            // Every row, from the export, rather than the listing the execution's output holds.
            WaveReport rows = result.completeReport() != null ? result.completeReport() : report;
            if (!rows.servers().isEmpty()) {
                printServers(out, rows.servers(), agentMinutesByServer(rows.agentInstalls()));
            }
            printUnregisteredAgents(out, rows.agentInstalls());
            printFullTable(out, report, rows.servers().size(), result.runFolder());
            if (report.network() != null || !report.dnsSteps().isEmpty()) {
                out.println();
                printNetwork(out, report.network());
                printDnsSteps(out, report.dnsSteps(), result.start());
            }
        }
        if (!result.mgnGroups().isEmpty()) {
            out.println();
            result.mgnGroups().forEach(out::println);
        }
        if (result.error() != null) {
            out.println("Execution " + result.status() + ": " + result.error()
                    + (result.cause() == null ? "" : " - " + result.cause()));
        }
        printLaterWaves(out, result.laterWaves());
        out.println();
        out.println("State transitions: " + result.stateTransitions() + "   history events: " + result.historyEvents());
        out.println("MGN calls: " + result.mgnCalls().size() + " (" + callCounts(result.mgnCalls()) + ")");
        out.println("MGN events: " + result.mgnEvents().size() + " emitted, " + result.eventInvocations().stream()
                .filter(invocation -> !invocation.detailType().equals("Scheduled Event")).count()
                + " delivered to the event router; reconciler runs: " + result.eventInvocations().stream()
                .filter(invocation -> invocation.detailType().equals("Scheduled Event")).count());
        printChecks(out, result.faults());
        out.println("Simulated time: " + SimulatedTime.words(result.simulatedDuration())
                + "   wall time: " + String.format(Locale.ROOT, "%.1f s", result.wallTime().toMillis() / 1000.0));
        out.println("Emails (" + result.outbox().size() + ") and log: " + result.runFolder());
    }

    /** The faults injected, when any, and the invariants: "all held", or each that did not. */
    private static void printChecks(PrintStream out, RehearsalResult.Checks checks) {
        if (checks.lambdaFaults().total() > 0) {
            out.println("Lambda faults injected: " + checks.lambdaFaults().describe());
        }
        if (checks.eventFaults().total() > 0) {
            out.println("Event faults injected: " + checks.eventFaults().describe());
        }
        if (checks.lateCallbacks() > 0) {
            out.println("Callbacks refused as TaskTimedOut (their task attempt had ended): " + checks.lateCallbacks());
        }
        if (checks.serviceFaultTotal() > 0) {
            out.println("Service faults injected (throttled/server error/timed out after applying): "
                    + checks.serviceFaults().stream().map(ServiceFaultCount::toString).collect(Collectors.joining(", ")));
        }
        if (checks.violations().isEmpty()) {
            out.println("Invariants: all held");
        } else {
            checks.violations().forEach(violation -> out.println("Invariant violated: " + violation));
        }
    }

    /** One line per wave started alongside: how it ended, or why it never got going. */
    private static void printLaterWaves(PrintStream out, List<LaterWaveResult> laterWaves) {
        if (laterWaves.isEmpty()) {
            return;
        }
        out.println();
        for (LaterWaveResult wave : laterWaves) {
            String started = wave.after().isZero() ? " (started with it)"
                    : " (started " + SimulatedTime.words(wave.after()) + " later)";
            if (wave.report() != null) {
                out.println(outcome(wave.waveName() + started, wave.report()));
            } else {
                out.println("Wave " + wave.waveName() + started + ": " + wave.status()
                        + (wave.error() == null ? "" : " " + wave.error())
                        + (wave.cause() == null ? "" : " - " + wave.cause().replace('\n', ' ')));
            }
        }
    }

    private static String headline(RehearsalResult result) {
        WaveReport report = result.report();
        if (report == null) {
            return "Wave " + result.waveName() + ": " + result.status() + " before its report";
        }
        return outcome(result.waveName(), report);
    }

    private static String outcome(String wave, WaveReport report) {
        WaveReport.Counts counts = report.counts();
        return "Wave " + wave + ": " + report.status() + " - " + counts.cutOver() + " of " + counts.total()
                + " servers cut over" + (counts.failed() > 0 ? ", " + counts.failed() + " failed" : "")
                + (counts.leftOut() > 0 ? ", " + counts.leftOut() + " left out" : "")
                + (report.reason() == null ? "" : " (" + report.reason() + ")");
    }

    /**
     * The table of the servers; an agent installation column comes first when any server joined
     * the wave through one.
     */
    private static void printServers(PrintStream out, List<WaveReport.ServerOutcome> servers,
                                     Map<String, Long> agentMinutes) {
        boolean agentColumn = servers.stream().anyMatch(server -> agentMinutes.containsKey(server.server()));
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : STAGE_COLUMNS.keySet()) {
            if (servers.stream().anyMatch(server -> server.minutesPerStage().containsKey(stage))) {
                stages.add(stage);
            }
        }
        int nameWidth = Math.max("Server".length(), servers.stream().mapToInt(server -> server.name().length()).max().orElse(0));
        StringBuilder heading = new StringBuilder(String.format("%-" + nameWidth + "s  %-9s  %-19s  %-19s",
                "Server", "Outcome", "Test instance", "Cutover instance"));
        if (agentColumn) {
            heading.append(String.format(" %5s", AGENT_COLUMN));
        }
        stages.forEach(stage -> heading.append(String.format(" %5s", STAGE_COLUMNS.get(stage))));
        out.println();
        out.println(heading);
        for (WaveReport.ServerOutcome server : servers) {
            StringBuilder row = new StringBuilder(String.format("%-" + nameWidth + "s  %-9s  %-19s  %-19s", server.name(),
                    server.outcome(), orDash(server.testInstanceId()), orDash(server.cutoverInstanceId())));
            if (agentColumn) {
                row.append(minutesCell(agentMinutes.get(server.server())));
            }
            stages.forEach(stage -> row.append(minutesCell(server.minutesPerStage().get(stage))));
            out.println(row);
        }
        out.println("Minutes per stage: " + legend(agentColumn, stages));
        for (WaveReport.ServerOutcome server : servers) {
            if (server.reason() != null) {
                out.println("  " + server.name() + ": " + server.outcome() + " in " + server.stage() + " - " + server.reason());
            }
        }
    }

    /** The minutes each registered installation took, by the source server it became. */
    private static Map<String, Long> agentMinutesByServer(List<WaveReport.AgentInstallOutcome> installs) {
        Map<String, Long> minutes = new HashMap<>();
        for (WaveReport.AgentInstallOutcome install : installs) {
            if (install.sourceServerId() != null && install.minutes() != null) {
                minutes.put(install.sourceServerId(), install.minutes());
            }
        }
        return minutes;
    }

    /** Installations that brought no server into the wave, which the server table therefore cannot show. */
    private static void printUnregisteredAgents(PrintStream out, List<WaveReport.AgentInstallOutcome> installs) {
        List<WaveReport.AgentInstallOutcome> unregistered = installs.stream()
                .filter(install -> !WaveReport.AgentInstallOutcome.REGISTERED.equals(install.outcome()))
                .toList();
        // Listed under the servers' reasons, in the same shape.
        for (WaveReport.AgentInstallOutcome install : unregistered) {
            out.println("  " + install.name() + " (" + install.instanceId() + "): agent installation " + install.outcome()
                    + (install.minutes() == null ? "" : " after " + install.minutes() + " min")
                    + (install.reason() == null ? "" : " - " + install.reason()));
        }
    }

    /** Where every row is, and how much of it the execution's output lists. */
    private static void printFullTable(PrintStream out, WaveReport report, int serverRows, Path runFolder) {
        WaveReport.FullTable where = report.fullTable();
        if (where == null) {
            return;
        }
        if (where.csv() == null) {
            out.println("The complete table was not exported: " + where.exportError());
        } else {
            out.println("Every server's row: " + runFolder.resolve(Rehearsal.SERVERS_CSV) + " (exported to " + where.csv() + ")");
        }
        if (report.truncated()) {
            out.println("The execution's output lists " + report.servers().size() + " of " + serverRows
                    + " server rows, failed and left-out ones first");
        }
    }

    private static void printNetwork(PrintStream out, NetworkSetup network) {
        if (network == null) {
            return;
        }
        out.println("Network: " + NetworkText.of(network));
        network.notCopied().forEach(rule -> out.println("  not copied: " + rule));
        network.differences().forEach(difference -> out.println("  differs: " + difference));
    }

    private static void printDnsSteps(PrintStream out, List<DnsSwitchProgress.StepRecord> steps, Instant start) {
        if (steps.isEmpty()) {
            return;
        }
        out.println("DNS switch:");
        steps.forEach(step -> out.println("  " + (step.at() == null ? "      " : SimulatedTime.elapsed(start, step.at()))
                + "  " + step.text()));
    }

    private static String legend(boolean agentColumn, List<Stage> stages) {
        List<String> entries = new ArrayList<>();
        if (agentColumn) {
            entries.add(AGENT_COLUMN + " agent installation");
        }
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

    private static String minutesCell(Long minutes) {
        return String.format(" %5s", minutes == null ? "-" : minutes.toString());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
