package dev.ferry.local.rehearsal.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The benchmark's table: one line per wave size, then the MGN calls of each size by operation. */
public final class BenchTable {

    private static final String HEADER = "%6s  %-24s  %7s  %6s  %9s  %6s  %7s  %7s  %8s  %6s  %7s  %7s  %7s  %6s";
    private static final String ROW = "%6d  %-24s  %7.1f  %6.1f  %9s  %6d  %7d  %6.1fK  %7.1fK  %6d  %7.2f  %7d  %7.1f  %5dM";

    private BenchTable() {
    }

    public static void print(PrintStream out, List<BenchRow> rows) {
        out.println(String.format(Locale.ROOT, HEADER, "N", "outcome", "wall s", "ms/srv", "simulated", "trans",
                "history", "input", "payload", "MGN", "MGN/srv", "DescSrc", "DDB/srv", "heap"));
        for (BenchRow row : rows) {
            out.println(String.format(Locale.ROOT, ROW, row.servers(), outcome(row), row.wallTime().toMillis() / 1000.0,
                    row.wallMillisPerServer(), hoursAndMinutes(row), row.stateTransitions(), row.historyEvents(),
                    row.executionInput() / 1024.0, row.largestPayload() / 1024.0,
                    row.mgnCalls(), row.mgnCallsPerServer(),
                    row.mgnCallsByOperation().getOrDefault("DescribeSourceServers", 0),
                    row.dynamoDbRequestsPerServer(), row.peakHeapBytes() / (1024 * 1024)));
        }
        out.println();
        out.println("MGN calls by operation:");
        TreeSet<String> operations = new TreeSet<>();
        rows.forEach(row -> operations.addAll(row.mgnCallsByOperation().keySet()));
        for (BenchRow row : rows) {
            Map<String, Integer> calls = new TreeMap<>(row.mgnCallsByOperation());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d ", row.servers()));
            operations.forEach(operation -> line.append(' ').append(operation).append(' ')
                    .append(calls.getOrDefault(operation, 0)));
            out.println(line);
        }
        out.println();
        out.println("wall s: real seconds, setup included; ms/srv: wall milliseconds per server; simulated: virtual "
                + "time of the execution; trans, history: state transitions and history events; input: the execution's "
                + "input, the wave definition; payload: the largest state input or output other than the definition; "
                + "MGN/srv: MGN calls per server; DescSrc: DescribeSourceServers calls; DDB/srv: the functions' "
                + "DynamoDB requests per server; heap: most heap used (sampled every 100 ms).");
    }

    private static String outcome(BenchRow row) {
        if (row.everyServerCutOver()) {
            return "all cut over";
        }
        return row.cutOver() + " cut over, " + row.failed() + " failed" + (row.leftOut() > 0 ? ", " + row.leftOut() + " out" : "");
    }

    private static String hoursAndMinutes(BenchRow row) {
        long minutes = row.simulatedTime().toMinutes();
        return String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60);
    }
}
