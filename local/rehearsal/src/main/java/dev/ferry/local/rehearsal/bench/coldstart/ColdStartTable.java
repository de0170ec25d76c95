package dev.ferry.local.rehearsal.bench.coldstart;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The cold-start benchmark's table: one line per function, the yardstick first. */
final class ColdStartTable {

    private static final String HEADER = "%-28s  %13s  %19s  %19s  %22s  %6s  %s";
    private static final String ROW = "%-28s  %5.1f / %5.1f  %19s  %19s  %22s  %5.1fx  %s";

    private ColdStartTable() {
    }

    static void print(PrintStream out, ColdStartRow yardstick, List<ColdStartRow> rows, int rounds) {
        out.println(String.format(Locale.ROOT, HEADER, "function", "package MB", "init ms", "first invoke ms",
                "JVM start to done ms", "×hello", "outcome"));
        out.println(String.format(Locale.ROOT, HEADER, "", "unzip / zip", "min / med / max", "min / med / max",
                "min / med / max", "", ""));
        line(out, yardstick, yardstick);
        rows.forEach(row -> line(out, row, yardstick));
        out.println();
        out.println("Each function in a fresh JVM (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", its default options plus the function's JAVA_TOOL_OPTIONS, "
                + "no SnapStart), " + rounds + " round" + (rounds == 1 ? "" : "s") + ": init is the handler's no-argument "
                + "constructor as the Lambda runtime calls it, first invoke its first event, against the local cloud "
                + "the demo wave left. Each function runs from its own package; ×hello: median JVM start to done over the hello-world handler's "
                + "(same JVM, on the approval page's class path).");
    }

    private static void line(PrintStream out, ColdStartRow row, ColdStartRow yardstick) {
        double megabyte = 1024.0 * 1024.0;
        out.println(String.format(Locale.ROOT, ROW, row.function(), row.pack().unzippedBytes() / megabyte,
                row.pack().zippedBytes() / megabyte, millis(row.init()), millis(row.invoke()), whole(row.jvm()),
                row.timesAsLongAs(yardstick),
                String.join(", ", row.outcomes())));
    }

    private static String millis(Spread micros) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", micros.min() / 1000.0, micros.median() / 1000.0,
                micros.max() / 1000.0);
    }

    private static String whole(Spread millis) {
        return millis.min() + " / " + millis.median() + " / " + millis.max();
    }
}
