package dev.ferry.local.rehearsal.bench.coldstart;

import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.local.cloud.lambda.Invocation;
import dev.ferry.local.rehearsal.LocalCloud;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts every function of template.yaml cold, each in fresh JVMs from its own deployment package,
 * beside a hello-world handler (on the approval page's class path), and measures its init and first
 * invocation. Each function gets the first event it received in the demo wave just rehearsed (the
 * approval page, which the wave does not call through Lambda, gets {@code events/approval-get.json})
 * and the environment template.yaml gives it, pointed at the local cloud the wave left, so its first
 * invocation does the reads and writes a retried invocation of that stage would do.
 */
public final class ColdStartBench {

    public static final int DEFAULT_ROUNDS = 5;
    static final String YARDSTICK = "hello world (yardstick)";
    private static final String APPROVAL_PAGE = "ApprovalApiFunction";
    private static final Duration PROBE_LIMIT = Duration.ofMinutes(2);

    private final Path projectRoot;
    private final Path folder;
    private final int rounds;
    private final Map<String, FunctionPackage> packages = new LinkedHashMap<>();

    public ColdStartBench(Path projectRoot, Path folder, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
        this.projectRoot = projectRoot;
        this.folder = folder;
        this.rounds = rounds;
    }

    /**
     * Measures every function the wave invoked (and the approval page) in {@code cloud}, prints the
     * table and says whether every probe printed a result.
     */
    public boolean measureAndPrint(LocalCloud cloud, PrintStream out) {
        Measurements measurements = measure(cloud, out);
        out.println();
        ColdStartTable.print(out, measurements.yardstick(), measurements.functions(), rounds);
        if (!measurements.notMeasured().isEmpty()) {
            out.println("Not measured (the demo wave does not invoke them): "
                    + String.join(", ", measurements.notMeasured()));
        }
        out.println("Events and each probe's output: " + folder);
        return measurements.everyProbeReported();
    }

    /** Starts the yardstick and every function the wave invoked (and the approval page), {@code rounds} times each. */
    public Measurements measure(LocalCloud cloud, PrintStream progress) {
        Map<String, Path> events = eventsOf(cloud);
        Map<String, String> sdk = cloud.handlerSdkProperties();
        Probe yardstick = new Probe(YARDSTICK, packageOf(APPROVAL_PAGE), HelloWorldHandler.class.getName(),
                events.values().iterator().next(), Map.of(), sdk);
        List<Probe> probes = new ArrayList<>();
        for (FunctionDefinition function : cloud.functions()) {
            Path event = events.get(function.logicalId());
            if (event != null) {
                probes.add(new Probe(function.logicalId(), packageOf(function.logicalId()), function.handlerClass(),
                        event, cloud.functionEnvironment(function), sdk));
            }
        }
        Map<Probe, List<Measured>> measured = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            progress.println("ferry bench --cold-start: round " + round + " of " + rounds + ", " + (probes.size() + 1)
                    + " JVMs...");
            measured.computeIfAbsent(yardstick, any -> new ArrayList<>()).add(yardstick.run());
            for (Probe probe : probes) {
                measured.computeIfAbsent(probe, any -> new ArrayList<>()).add(probe.run());
            }
        }
        List<ColdStartRow> rows = new ArrayList<>();
        boolean everyProbeReported = true;
        for (Map.Entry<Probe, List<Measured>> entry : measured.entrySet()) {
            List<Measured> runs = entry.getValue();
            everyProbeReported &= runs.stream().allMatch(run -> run.result() != null);
            rows.add(row(entry.getKey(), runs));
        }
        List<String> notInvoked = cloud.functions().stream().map(FunctionDefinition::logicalId)
                .filter(id -> !events.containsKey(id)).toList();
        return new Measurements(rows.getFirst(), rows.subList(1, rows.size()), notInvoked, everyProbeReported);
    }

    /**
     * What the rounds measured.
     *
     * @param yardstick          the hello-world handler's row
     * @param functions          one row per function measured, in template order
     * @param notMeasured        the functions the wave did not invoke
     * @param everyProbeReported whether every JVM printed its result
     */
    public record Measurements(ColdStartRow yardstick, List<ColdStartRow> functions, List<String> notMeasured,
                               boolean everyProbeReported) {
    }

    /** Measured once per function: the yardstick runs on the approval page's package too. */
    private FunctionPackage packageOf(String function) {
        return packages.computeIfAbsent(function,
                name -> FunctionPackage.of(FunctionPackage.folderOf(projectRoot, name)));
    }

    private static ColdStartRow row(Probe probe, List<Measured> runs) {
        List<Measured> reported = runs.stream().filter(run -> run.result() != null).toList();
        LinkedHashSet<String> outcomes = new LinkedHashSet<>();
        runs.forEach(run -> outcomes.add(run.result() == null ? "no result (see its output)" : run.result().outcome()));
        if (reported.isEmpty()) {
            Spread none = new Spread(0, 0, 0);
            return new ColdStartRow(probe.name(), probe.pack(), none, none,
                    Spread.of(runs.stream().map(Measured::wallMillis).toList()), List.copyOf(outcomes));
        }
        return new ColdStartRow(probe.name(), probe.pack(),
                Spread.of(reported.stream().map(run -> run.result().initMicros()).toList()),
                Spread.of(reported.stream().map(run -> run.result().invokeMicros()).toList()),
                Spread.of(runs.stream().map(Measured::wallMillis).toList()), List.copyOf(outcomes));
    }

    /** Each function's first event in the wave, written to a file for its probes. */
    private Map<String, Path> eventsOf(LocalCloud cloud) {
        Map<String, byte[]> first = new LinkedHashMap<>();
        for (Invocation invocation : cloud.lambda().invocations()) {
            first.putIfAbsent(invocation.function(), invocation.payload());
        }
        try {
            first.put(APPROVAL_PAGE, Files.readAllBytes(projectRoot.resolve("events/approval-get.json")));
            Path eventFolder = Files.createDirectories(folder.resolve("events"));
            Map<String, Path> files = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> event : first.entrySet()) {
                files.put(event.getKey(), Files.write(eventFolder.resolve(event.getKey() + ".json"), event.getValue()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the functions' events under " + folder + ": " + e.getMessage(), e);
        }
    }

    /** One function as a fresh JVM runs it. */
    private final class Probe {
        private final String name;
        private final FunctionPackage pack;
        private final String handlerClass;
        private final Path event;
        private final Map<String, String> environment;
        private final Map<String, String> sdk;
        private int runs;

        Probe(String name, FunctionPackage pack, String handlerClass, Path event, Map<String, String> environment,
              Map<String, String> sdk) {
            this.name = name;
            this.pack = pack;
            this.handlerClass = handlerClass;
            this.event = event;
            this.environment = environment;
            this.sdk = sdk;
        }

        String name() {
            return name;
        }

        FunctionPackage pack() {
            return pack;
        }

        Measured run() {
            runs++;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The endpoints, not the credentials: those go in the environment, never on a command line.
            sdk.forEach((key, value) -> {
                if (key.startsWith("aws.endpointUrl")) {
                    command.add("-D" + key + "=" + value);
                }
            });
            command.addAll(List.of("-cp", pack.classPath() + java.io.File.pathSeparator + probeClasses(),
                    ColdStartProbe.class.getName(), handlerClass, event.toString()));
            Path output = folder.resolve(fileName() + ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("AWS_ACCESS_KEY_ID", sdk.get("aws.accessKeyId"));
            builder.environment().put("AWS_SECRET_ACCESS_KEY", sdk.get("aws.secretAccessKey"));
            // EMF metric lines go to standard output, as in the rehearsal, not to an agent.
            builder.environment().put("AWS_EMF_ENVIRONMENT", "Local");
            long started = System.nanoTime();
            try {
                Process process = builder.start();
                if (!process.waitFor(PROBE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                long wallMillis = (System.nanoTime() - started) / 1_000_000;
                return new Measured(ProbeResult.in(Files.readString(output, StandardCharsets.UTF_8)).orElse(null),
                        wallMillis);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start a JVM for " + name + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while " + name + " started", e);
            }
        }

        private String fileName() {
            return name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + runs;
        }
    }

    /** Where the probe's own class is: this module's classes, after the package so that nothing of it shadows the functions'. */
    private static String probeClasses() {
        try {
            return Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("The probe's class has no location", e);
        }
    }

    private record Measured(ProbeResult result, long wallMillis) {
    }
}
