package dev.ferry.local.rehearsal;

import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.mgn.model.TargetInstance;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.waits.Wait;
import dev.ferry.wave.Policies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must hold at the end of every rehearsal, with faults or without, read from what the local
 * cloud saw rather than from what the controller says of itself: no server lost, no launch started
 * twice, every cut-over server finalized (and archived) exactly once, no instance left running that
 * the report does not name, no wait left pending, and no approval decided twice. A retried stage
 * that repeats a side effect, or a crash that loses one, breaks one of them.
 */
final class Invariants {

    private Invariants() {
    }

    /**
     * Each invariant that does not hold, with the servers it concerns; empty when all hold.
     *
     * @param waveServers servers in the wave definition
     * @param policies    the wave's policies (whether it finalizes and archives)
     * @param report      the complete report, or null when the wave produced none
     * @param mgnCalls    every MGN call of the rehearsal
     * @param instances   every instance MGN launched, as it stands at the end
     * @param pending     the waits not released at the end
     * @param approvals   the wave's approvals and which way the execution went after them
     * @param otherWaves  servers that other waves of the rehearsal moved: their calls and instances
     *                    are those waves' to account for
     */
    static List<String> violations(int waveServers, Policies policies, WaveReport report, List<ApiCall> mgnCalls,
                                   List<TargetInstance> instances, List<Wait> pending, ApprovalsSeen approvals,
                                   Set<String> otherWaves) {
        List<String> violations = new ArrayList<>();
        List<ServerOutcome> rows = report == null ? List.of() : report.servers();
        // A server whose agent installation never registered it has an installation row and no server row.
        long unregistered = report == null ? 0 : report.agentInstalls().stream()
                .filter(install -> !WaveReport.AgentInstallOutcome.REGISTERED.equals(install.outcome())).count();
        if (rows.size() + unregistered != waveServers) {
            violations.add("servers lost: the wave has " + waveServers + " servers, the report accounts for "
                    + (rows.size() + unregistered));
        }
        Function<String, List<String>> calledWith = operation -> RehearsalResult.serversCalledWith(mgnCalls, operation)
                .stream().filter(server -> !otherWaves.contains(server)).toList();
        atMostOnce(calledWith.apply("StartTest"), "StartTest", violations);
        atMostOnce(calledWith.apply("StartCutover"), "StartCutover", violations);
        Set<String> cutOver = rows.stream().filter(row -> ServerOutcome.CUT_OVER.equals(row.outcome()))
                .map(ServerOutcome::server).collect(Collectors.toSet());
        exactlyOnceFor(policies.finalizeCutover() ? cutOver : Set.of(), calledWith.apply("FinalizeCutover"),
                "FinalizeCutover", violations);
        exactlyOnceFor(policies.archiveAfterFinalize() ? cutOver : Set.of(), calledWith.apply("MarkAsArchived"),
                "MarkAsArchived", violations);
        Set<String> named = new HashSet<>();
        rows.forEach(row -> {
            named.add(row.testInstanceId());
            named.add(row.cutoverInstanceId());
        });
        List<String> unnamed = instances.stream()
                .filter(instance -> instance.state() == InstanceState.RUNNING && !named.contains(instance.instanceId())
                        && !otherWaves.contains(instance.sourceServerId()))
                .map(instance -> instance.instanceId() + " (" + instance.kind() + " of " + instance.sourceServerId() + ")")
                .toList();
        if (!unnamed.isEmpty()) {
            violations.add("instances left running that the report does not name: " + String.join(", ", unnamed));
        }
        if (!pending.isEmpty()) {
            violations.add("waits left pending: " + pending.stream().map(Wait::waitId).collect(Collectors.joining(", ")));
        }
        approvalDecidedOnce(approvals, violations);
        return violations;
    }

    /**
     * One approval per wave, and the execution went the way its recorded decision says: to cutover
     * only when approved, to the rejection only when rejected, never both.
     */
    private static void approvalDecidedOnce(ApprovalsSeen approvals, List<String> violations) {
        List<String> statuses = approvals.recordedStatuses();
        if (statuses.size() > 1) {
            violations.add("approval decided twice: the wave has " + statuses.size() + " approvals " + statuses);
            return;
        }
        String recorded = statuses.isEmpty() ? "none" : statuses.getFirst();
        if (approvals.cutoverStarted() && approvals.rejected()) {
            violations.add("approval decided twice: the wave went both to cutover and to the rejection");
        } else if (approvals.cutoverStarted() && !recorded.equals("APPROVED")) {
            violations.add("approval decided twice: the wave cut over, but the recorded decision is " + recorded);
        } else if (approvals.rejected() && !recorded.equals("REJECTED")) {
            violations.add("approval decided twice: the wave took the rejection, but the recorded decision is "
                    + recorded);
        }
    }

    private static void atMostOnce(List<String> called, String operation, List<String> violations) {
        List<String> twice = counts(called).entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + " times)").toList();
        if (!twice.isEmpty()) {
            violations.add(operation + " succeeded more than once for " + String.join(", ", twice));
        }
    }

    private static void exactlyOnceFor(Set<String> expected, List<String> called, String operation,
                                       List<String> violations) {
        Map<String, Long> counts = counts(called);
        List<String> wrong = new ArrayList<>();
        expected.stream().sorted().filter(server -> counts.getOrDefault(server, 0L) != 1)
                .forEach(server -> wrong.add(server + " (" + counts.getOrDefault(server, 0L) + " times)"));
        counts.keySet().stream().filter(server -> !expected.contains(server))
                .forEach(server -> wrong.add(server + " (not cut over, " + counts.get(server) + " times)"));
        if (!wrong.isEmpty()) {
            violations.add(operation + " did not succeed exactly once for each server cut over: "
                    + String.join(", ", wrong));
        }
    }

    private static Map<String, Long> counts(List<String> servers) {
        return servers.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
