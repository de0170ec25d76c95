package dev.ferry.local.rehearsal;

import dev.ferry.local.rehearsal.bench.BenchRow;
import dev.ferry.local.rehearsal.bench.BenchTable;
import dev.ferry.local.rehearsal.bench.GeneratedWave;
import dev.ferry.local.rehearsal.bench.HeapSampler;
import dev.ferry.local.rehearsal.bench.coldstart.ColdStartBench;
import dev.ferry.server.WaveReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/ferry bench [--sizes 10,100,200,500,1000]}: rehearses a generated wave of each size
 * ({@link GeneratedWave}: agents installed, no faults, CONTINUE policy, test launch and cutover)
 * and prints one table of what each took. Exit code 0 when every server was cut over at every
 * size, else 1. A benchmark, not a test: its times depend on the machine; the tests check what
 * does not.
 */
final class BenchCommand {

    static final List<Integer> DEFAULT_SIZES = List.of(10, 100, 200, 500, 1000);
    private static final String COLD_START = "--cold-start";

    private BenchCommand() {
    }

    static int bench(List<String> arguments, Path projectRoot, PrintStream out) {
        if (arguments.contains(COLD_START)) {
            return coldStart(arguments.stream().filter(argument -> !argument.equals(COLD_START)).toList(), projectRoot, out);
        }
        CommandLine line = CommandLine.parse(arguments, List.of("sizes"));
        if (!line.positional().isEmpty()) {
            throw new IllegalArgumentException("bench takes no file, only --sizes");
        }
        List<Integer> sizes = line.option("sizes").map(BenchCommand::sizes).orElse(DEFAULT_SIZES);
        Path folder = projectRoot.resolve(".ferry/bench").resolve(RunFolders.nameFor(Instant.now()));
        List<BenchRow> rows = new ArrayList<>();
        for (int size : sizes) {
            out.println("ferry bench: rehearsing " + size + " servers...");
            rows.add(run(size, folder.resolve(size + "-servers"), projectRoot));
        }
        out.println();
        BenchTable.print(out, rows);
        out.println("Run folders (logs, emails, servers.csv): " + folder);
        return rows.stream().allMatch(BenchRow::everyServerCutOver) ? 0 : 1;
    }

    /**
     * {@code bin/ferry bench --cold-start [--rounds N]}: rehearses the demo wave, then starts each
     * function cold in fresh JVMs against the local cloud it left ({@link ColdStartBench}). Exit code
     * 0 when every JVM reported its measurements, else 1.
     */
    private static int coldStart(List<String> arguments, Path projectRoot, PrintStream out) {
        CommandLine line = CommandLine.parse(arguments, List.of("rounds"));
        if (!line.positional().isEmpty()) {
            throw new IllegalArgumentException("bench --cold-start takes no file, only --rounds");
        }
        int rounds = line.option("rounds").map(BenchCommand::rounds).orElse(ColdStartBench.DEFAULT_ROUNDS);
        Path folder = projectRoot.resolve(".ferry/bench").resolve("cold-start-" + RunFolders.nameFor(Instant.now()));
        ColdStartBench bench = new ColdStartBench(projectRoot, folder.resolve("probes"), rounds);
        AtomicBoolean reported = new AtomicBoolean();
        out.println("ferry bench --cold-start: rehearsing the demo wave, for each function's first event...");
        RehearsalResult wave = Rehearsal.run(RehearsalOptions.builder(projectRoot)
                .runFolder(folder.resolve("rehearsal"))
                .display(new PrintStream(OutputStream.nullOutputStream()))
                .beforeClose(cloud -> reported.set(bench.measureAndPrint(cloud, out)))
                .build());
        if (!wave.everyServerCutOver()) {
            out.println("The demo wave did not cut every server over: see " + folder.resolve("rehearsal"));
        }
        return reported.get() && wave.everyServerCutOver() ? 0 : 1;
    }

    private static int rounds(String text) {
        try {
            int rounds = Integer.parseInt(text.trim());
            if (rounds >= 1) {
                return rounds;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalArgumentException("--rounds must be a whole number of at least 1, not '" + text + "'");
    }

    private static BenchRow run(int size, Path runFolder, Path projectRoot) {
        List<Path> files;
        try {
            Files.createDirectories(runFolder);
            files = new GeneratedWave(size, false, false).writeTo(runFolder, "bench-" + size, projectRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated wave into " + runFolder, e);
        }
        RehearsalResult result;
        long peakHeap;
        System.gc();
        try (HeapSampler heap = HeapSampler.start()) {
            result = Rehearsal.run(RehearsalOptions.builder(projectRoot)
                    .wave(files.get(0))
                    .environment(files.get(1))
                    .approval(ApprovalMode.AUTO)
                    .runFolder(runFolder)
                    .display(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .build());
            peakHeap = heap.peakBytes();
        }
        WaveReport.Counts counts = result.reportIfAny().map(WaveReport::counts)
                .orElse(new WaveReport.Counts(size, 0, 0, size));
        Map<String, Integer> calls = new TreeMap<>();
        result.mgnCalls().forEach(call -> calls.merge(call.operation(), 1, Integer::sum));
        return new BenchRow(size, counts.cutOver(), counts.failed(), counts.leftOut(), result.wallTime(),
                result.simulatedDuration(), result.stateTransitions(), result.historyEvents(), result.executionInput(),
                result.largestPayload(),
                calls, result.dynamoDbRequests(), peakHeap);
    }

    private static List<Integer> sizes(String text) {
        try {
            List<Integer> sizes = Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (!sizes.isEmpty() && sizes.stream().allMatch(size -> size > 0 && size <= 4000)) {
                return sizes;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalArgumentException("--sizes must be whole numbers from 1 to 4000 separated by commas, not '"
                + text + "'");
    }
}
