package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ferry.json.Json;
import dev.ferry.local.cloud.faults.ServiceFaultCount;
import dev.ferry.local.cloud.lambda.Invocation;
import dev.ferry.local.cloud.route53.HostedZoneSpec;
import dev.ferry.local.cloud.route53.RecordSet;
import dev.ferry.local.engine.ExecutionDescription;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.engine.HistoryEvent;
import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.rehearsal.standin.ServiceFront;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.server.WaveReport;
import dev.ferry.store.DynamoAgentInstallStore;
import dev.ferry.store.DynamoWaitStore;
import dev.ferry.store.DynamoWaveStore;
import dev.ferry.store.FerryTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One offline rehearsal of a wave: the project's state machine and handlers run against a
 * simulated MGN in a {@link LocalCloud}, time compressed, a simulated (or real) person approving,
 * and the outcome reported as the Report stage returned it and exported every row.
 *
 * <pre>{@code
 * RehearsalResult result = Rehearsal.run(RehearsalOptions.builder(projectRoot)
 *         .wave(Path.of("events/demo-wave.json"))
 *         .environment(Path.of("events/demo-environment.json"))
 *         .approval(ApprovalMode.AUTO)
 *         .build());
 * }</pre>
 *
 * Further waves may be started in the same local cloud while the rehearsed one runs
 * ({@link RehearsalOptions#laterWaves()}), as other teams would in the same account; each one's
 * invariants are checked beside the rehearsed wave's.
 *
 * <p>One rehearsal at a time per JVM.
 */
public final class Rehearsal {

    /** The copy of the exported servers' table in the run folder. */
    static final String SERVERS_CSV = "servers.csv";
    /** Ferry's own EventBridge events of the run, one a line. */
    static final String FERRY_EVENTS = "ferry-events.jsonl";

    private static final String REPORT_HANDLER = "dev.ferry.handler.ReportHandler";
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final RehearsalOptions options;
    private final RehearsalInputs inputs;
    /** The waves started alongside, in the order of {@link RehearsalOptions#laterWaves()}. */
    private final List<RehearsalInputs> laterInputs;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    private Rehearsal(RehearsalOptions options, RehearsalInputs inputs, List<RehearsalInputs> laterInputs) {
        this.options = options;
        this.inputs = inputs;
        this.laterInputs = laterInputs;
    }

    /**
     * Rehearses the wave of {@code options} and prints its progress and summary to the options' display.
     *
     * @throws InvalidInputException when the wave or the environment cannot be used; nothing has started then
     */
    public static RehearsalResult run(RehearsalOptions options) {
        RehearsalInputs inputs = RehearsalInputs.load(options.wave(), options.environment());
        List<RehearsalInputs> laterInputs = laterInputs(options, inputs);
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("Another rehearsal is running in this JVM: the handlers' settings are global");
        }
        try {
            return new Rehearsal(options, inputs, laterInputs).run();
        } finally {
            RUNNING.set(false);
        }
    }

    /**
     * The waves to start alongside, each read against the same environment. They need names of
     * their own (a wave's name is its execution's), and only the rehearsed wave's DNS front is served.
     */
    private static List<RehearsalInputs> laterInputs(RehearsalOptions options, RehearsalInputs inputs) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(inputs.wave().waveName()));
        List<RehearsalInputs> later = new ArrayList<>();
        for (RehearsalOptions.LaterWave wave : options.laterWaves()) {
            RehearsalInputs loaded = RehearsalInputs.load(wave.wave(), options.environment());
            String name = loaded.wave().waveName();
            if (names.contains(name)) {
                problems.add(wave.wave() + ": waveName " + name + " is taken by another wave of this rehearsal; "
                        + "waves started together need names of their own");
            }
            if (loaded.wave().dns() != null) {
                problems.add(wave.wave() + ": a wave started alongside the rehearsed one may not switch DNS here; "
                        + "the rehearsal serves the rehearsed wave's DNS front only");
            }
            names.add(name);
            later.add(loaded);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return later;
    }

    private RehearsalResult run() {
        long wallStart = System.nanoTime();
        ProjectTemplate template = ProjectTemplate.load(options.projectRoot());
        RunFolders.create(options.runFolder());
        PrintStream display = options.display();
        String waveName = inputs.wave().waveName();
        display.println("Rehearsing wave " + waveName + ": " + inputs.wave().servers().size() + " servers, "
                + inputs.environment().sourceRegion() + " -> " + inputs.environment().targetRegion()
                + ", simulated MGN, time " + pace(options.effectiveSpeed()));
        display.println("Handler logs and emails: " + options.runFolder());
        display.println();
        RehearsalResult result;
        try (ConsoleCapture capture = options.captureConsole()
                ? ConsoleCapture.to(options.runFolder().resolve("rehearsal.log")) : ConsoleCapture.none();
             LocalCloud cloud = LocalCloud.start(new LocalCloudSettings(template, inputs.environment(), options.start(),
                     options.effectiveSpeed(), 0, options.runFolder().resolve("outbox"), services()))) {
            result = rehearse(cloud, waveName, wallStart);
            options.beforeClose().accept(cloud);
        }
        RehearsalSummary.print(display, result);
        return result;
    }

    private static List<ServiceFaultCount> serviceFaults(LocalCloud cloud) {
        return cloud.faultyServices().entrySet().stream()
                .map(entry -> ServiceFaultCount.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The environment file's services, with the chaos seed's faults when one is given. */
    private SimulatedServices services() {
        return options.chaosSeed().isPresent()
                ? inputs.services().withChaos(options.chaosSeed().getAsLong())
                : inputs.services();
    }

    private RehearsalResult rehearse(LocalCloud cloud, String waveName, long wallStart) {
        Instant start = cloud.clock().instant();
        ProgressDisplay progress = new ProgressDisplay(options.display(), cloud.clock(), start,
                new DynamoWaveStore(cloud.dynamoDb().client(), cloud.tableName(), cloud.clock(),
                        FerryTable.DEFAULT_RETENTION),
                new DynamoAgentInstallStore(cloud.dynamoDb().client(), cloud.tableName(), cloud.clock(),
                        FerryTable.DEFAULT_RETENTION),
                waveName, inputs.wave());
        cloud.standIns().listenFor(inputs.probedPorts());
        laterInputs.forEach(later -> cloud.standIns().listenFor(later.probedPorts()));
        if (inputs.wave().dns() != null) {
            cloud.frontHealthCheck(ServiceFront.of(inputs.wave().dns()).movedInto(cloud.addresses()));
        }
        cloud.onNotification(progress::emailArrived);
        attachApprover(cloud, progress);
        cloud.lambda().addListener(invocation -> progress.refresh(cloud.functionHandler(invocation.function())));

        LocalStepFunctions engine = cloud.engine();
        // The wave's 127.0.x.y addresses (its DNS front) are moved into the run's block, where the front listens.
        String executionInput = cloud.addresses().moveAll(inputs.waveJson());
        if (cloud.addresses().number() != 0) {
            note(progress, "another run on this machine holds the loopback addresses 127.0.x.y: this one uses "
                    + cloud.addresses().network() + ".x.y, and the wave's 127.0.x.y addresses are moved there");
        }
        String executionArn = engine.startExecution(cloud.stateMachineArn(), waveName, executionInput).executionArn();
        Map<Integer, String> laterExecutions = startLater(cloud, progress, start);
        cloud.scheduler().runUntil(() -> !isRunning(engine, executionArn) && laterExecutions.size() == laterInputs.size()
                && laterExecutions.values().stream().noneMatch(arn -> isRunning(engine, arn)),
                start.plus(options.virtualTimeLimit()));
        if (isRunning(engine, executionArn)) {
            note(progress, "the wave did not end within " + SimulatedTime.words(options.virtualTimeLimit())
                    + " of simulated time; the rehearsal stops it");
            engine.stopExecution(executionArn, "RehearsalTimeLimit", "The rehearsal's virtual time limit was reached");
        }
        laterExecutions.values().stream().filter(arn -> isRunning(engine, arn)).forEach(arn ->
                engine.stopExecution(arn, "RehearsalTimeLimit", "The rehearsal's virtual time limit was reached"));
        cloud.standIns().problems().forEach(problem -> note(progress, "stand-in application: " + problem));

        writeFerryEvents(cloud);
        ExecutionDescription execution = engine.describeExecution(executionArn);
        Instant end = execution.stopDateIfStopped().orElse(cloud.clock().instant());
        WaveReport report = report(cloud, waveName);
        WaveReport completeReport = completeReport(cloud, report);
        List<HistoryEvent> history = engine.getExecutionHistory(executionArn);
        List<ApiCall> mgnCalls = cloud.mgn().callLog();
        List<LaterWaveResult> laterWaves = laterResults(cloud, laterExecutions);
        List<String> violations = new ArrayList<>(Invariants.violations(inputs.wave().servers().size(),
                inputs.wave().policies(), completeReport, mgnCalls, cloud.mgn().launchedInstances(),
                new DynamoWaitStore(cloud.dynamoDb().client(), cloud.tableName()).unreleased(),
                ApprovalsSeen.of(approvalStatuses(cloud, waveName), history), serversOf(laterWaves, null)));
        for (int index = 0; index < laterWaves.size(); index++) {
            violations.addAll(laterViolations(cloud, laterWaves, index, completeReport));
        }
        RehearsalResult.Checks checks = new RehearsalResult.Checks(cloud.lambda().faultsInjected(),
                serviceFaults(cloud), cloud.eventBridge().faultsInjected(), engine.callbacksAfterTheTaskEnded(),
                cloud.lambda().faultsMetByFunction(), violations);
        return new RehearsalResult(waveName, executionArn, execution.status(), execution.output(), execution.error(),
                execution.cause(), report, completeReport, execution.stateTransitions(),
                history.size(), bytes(executionInput), largestPayload(history, executionInput),
                cloud.dynamoDbRequests(), mgnCalls,
                cloud.clockwork().emittedEvents(), cloud.eventBridge().invocations(), cloud.outbox().messages(),
                List.copyOf(notes), Duration.between(start, end), Duration.ofNanos(System.nanoTime() - wallStart),
                options.runFolder(), cloud.ssm().invocations(), cloud.route53().changes(), recordSets(cloud), start,
                checks, laterWaves, MgnGroupsText.of(cloud.mgn()));
    }

    /**
     * Ferry's own events, as the default event bus received them (envelope and detail), one JSON
     * document a line in {@value #FERRY_EVENTS}: what a rule on {@code source: ferry} would have seen.
     */
    private void writeFerryEvents(LocalCloud cloud) {
        StringBuilder lines = new StringBuilder();
        cloud.eventBridge().putThroughApi().stream()
                .filter(event -> "ferry".equals(event.path("source").asText()))
                .forEach(event -> lines.append(event).append('\n'));
        try {
            Files.writeString(options.runFolder().resolve(FERRY_EVENTS), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Ferry's events could not be written to the run folder: " + e.getMessage(), e);
        }
    }

    /** Schedules each later wave's start; the map fills with their executions, by index, as they start. */
    private Map<Integer, String> startLater(LocalCloud cloud, ProgressDisplay progress, Instant start) {
        Map<Integer, String> started = new ConcurrentHashMap<>();
        for (int index = 0; index < laterInputs.size(); index++) {
            int which = index;
            RehearsalInputs later = laterInputs.get(index);
            Duration after = options.laterWaves().get(index).after();
            cloud.scheduler().schedule(start.plus(after), () -> {
                String name = later.wave().waveName();
                int servers = later.wave().servers().size();
                note(progress, "wave " + name + " (" + servers + (servers == 1 ? " server" : " servers")
                        + ") started in the same account, " + SimulatedTime.words(after) + " after this one");
                started.put(which, cloud.engine().startExecution(cloud.stateMachineArn(), name,
                        cloud.addresses().moveAll(later.waveJson())).executionArn());
            });
        }
        return started;
    }

    /** How each later wave ended, with its complete report (its bounded one when the export failed). */
    private List<LaterWaveResult> laterResults(LocalCloud cloud, Map<Integer, String> executions) {
        List<LaterWaveResult> results = new ArrayList<>();
        for (int index = 0; index < laterInputs.size(); index++) {
            String name = laterInputs.get(index).wave().waveName();
            Duration after = options.laterWaves().get(index).after();
            String arn = executions.get(index);
            if (arn == null) {
                results.add(new LaterWaveResult(name, null, after, ExecutionStatus.RUNNING, null,
                        "not started: the rehearsed wave's time limit came first", null));
                continue;
            }
            ExecutionDescription execution = cloud.engine().describeExecution(arn);
            WaveReport report = report(cloud, name);
            WaveReport complete = exportedReport(cloud, report);
            results.add(new LaterWaveResult(name, arn, after, execution.status(), execution.error(), execution.cause(),
                    complete != null ? complete : report));
        }
        return results;
    }

    /**
     * The invariants of one later wave, each prefixed with its name. A wave that preflight refused
     * has no report and did nothing to account for; its servers may be those of another wave.
     */
    private List<String> laterViolations(LocalCloud cloud, List<LaterWaveResult> laterWaves, int index,
                                         WaveReport rehearsed) {
        LaterWaveResult wave = laterWaves.get(index);
        if (wave.report() == null) {
            return List.of();
        }
        Set<String> others = serversOf(laterWaves, wave);
        if (rehearsed != null) {
            rehearsed.servers().forEach(row -> others.add(row.server()));
        }
        List<HistoryEvent> history = cloud.engine().getExecutionHistory(wave.executionArn());
        return Invariants.violations(laterInputs.get(index).wave().servers().size(),
                        laterInputs.get(index).wave().policies(), wave.report(), cloud.mgn().callLog(),
                        cloud.mgn().launchedInstances(), List.of(),
                        ApprovalsSeen.of(approvalStatuses(cloud, wave.waveName()), history), others)
                .stream().map(violation -> "wave " + wave.waveName() + ": " + violation).toList();
    }

    /** The servers the later waves other than {@code except} moved, as their reports list them. */
    private static Set<String> serversOf(List<LaterWaveResult> laterWaves, LaterWaveResult except) {
        Set<String> servers = new HashSet<>();
        laterWaves.stream().filter(wave -> wave != except)
                .forEach(wave -> wave.servers().forEach(row -> servers.add(row.server())));
        return servers;
    }

    /** The status of each approval of the wave in the table, read as a person would scan it. */
    private static List<String> approvalStatuses(LocalCloud cloud, String waveId) {
        return cloud.dynamoDb().client().scanPaginator(scan -> scan.tableName(cloud.tableName())
                        .filterExpression("begins_with(#pk, :approval) AND #wave = :wave")
                        .expressionAttributeNames(Map.of("#pk", FerryTable.PARTITION_KEY, "#wave", "waveId"))
                        .expressionAttributeValues(Map.of(":approval", AttributeValue.fromS("APPROVAL#"),
                                ":wave", AttributeValue.fromS(waveId))))
                .items().stream()
                .map(item -> item.get("status").s())
                .toList();
    }

    /**
     * Bytes of the largest input or output a state received or produced, as Step Functions limits
     * them, apart from the wave definition: the execution's input and Preflight's parameters, whose
     * {@code wave} is that input, carry it as its author wrote it, and it grows with the wave; what
     * the states pass on after it must not.
     */
    private static int largestPayload(List<HistoryEvent> history, String executionInput) {
        JsonNode definition = readJson(executionInput);
        int largest = 0;
        for (HistoryEvent event : history) {
            for (String field : List.of("input", "output")) {
                largest = Math.max(largest, event.detail(field)
                        .filter(text -> !carriesTheDefinition(text, definition))
                        .map(Rehearsal::bytes).orElse(0));
            }
        }
        return largest;
    }

    private static boolean carriesTheDefinition(String payload, JsonNode definition) {
        JsonNode node = readJson(payload);
        return node.equals(definition) || node.path("wave").equals(definition);
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Each hosted zone's record sets as the wave left them. */
    private Map<String, List<RecordSet>> recordSets(LocalCloud cloud) {
        Map<String, List<RecordSet>> recordSets = new LinkedHashMap<>();
        for (HostedZoneSpec zone : inputs.services().route53().hostedZones()) {
            recordSets.put(zone.id(), cloud.route53().recordSets(zone.id()));
        }
        return recordSets;
    }

    private void attachApprover(LocalCloud cloud, ProgressDisplay progress) {
        switch (options.approval()) {
            case AUTO, REJECT -> {
                SimulatedApprover approver = new SimulatedApprover(cloud.scheduler(),
                        options.approval() == ApprovalMode.AUTO, options.chaosSeed().isPresent(),
                        text -> note(progress, text));
                cloud.onNotification(approver::emailArrived);
            }
            case LINK -> cloud.onNotification(message -> ApprovalLinks.in(message).ifPresent(link -> note(progress,
                    "open " + link + " in a browser to approve or reject the cutover (time runs at "
                            + pace(options.effectiveSpeed()) + ")")));
        }
    }

    private void note(ProgressDisplay progress, String text) {
        notes.add(text);
        progress.note(text);
    }

    /** The last result the Report stage returned for the wave, as it returned it. */
    private static WaveReport report(LocalCloud cloud, String waveId) {
        return cloud.lambda().invocations().stream()
                .filter(Invocation::succeeded)
                .filter(invocation -> cloud.functionHandler(invocation.function()).equals(REPORT_HANDLER))
                .map(invocation -> readReport(invocation.output()))
                .filter(report -> report.waveId().equals(waveId))
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private static WaveReport readReport(byte[] output) {
        try {
            return Json.mapper().readValue(output, WaveReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The Report stage returned something that is not its WaveReport", e);
        }
    }

    /**
     * The complete report the Report stage exported, read back from the local S3 as a user would
     * fetch it, with its servers' table copied into the run folder; null when nothing was exported.
     */
    private WaveReport completeReport(LocalCloud cloud, WaveReport report) {
        WaveReport complete = exportedReport(cloud, report);
        if (complete != null) {
            try {
                Files.write(options.runFolder().resolve(SERVERS_CSV), exported(cloud, report.fullTable().csv()));
            } catch (IOException e) {
                throw new UncheckedIOException("The exported servers' table could not be copied: " + e.getMessage(), e);
            }
        }
        return complete;
    }

    /** The complete report the Report stage exported, read back from the local S3; null when nothing was exported. */
    private static WaveReport exportedReport(LocalCloud cloud, WaveReport report) {
        if (report == null || report.fullTable() == null || report.fullTable().json() == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(exported(cloud, report.fullTable().json()), WaveReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The exported report could not be read: " + e.getMessage(), e);
        }
    }

    /** An object of the local S3 by its {@code s3://bucket/key} address. */
    private static byte[] exported(LocalCloud cloud, String address) {
        String path = address.substring("s3://".length());
        int slash = path.indexOf('/');
        return cloud.s3().object(path.substring(0, slash), path.substring(slash + 1)).orElseThrow(() ->
                new IllegalStateException("The Report stage said it exported " + address + ", which the local S3 lacks"));
    }

    private static boolean isRunning(LocalStepFunctions engine, String executionArn) {
        return engine.describeExecution(executionArn).status() == ExecutionStatus.RUNNING;
    }

    private static String pace(double speed) {
        return Double.isInfinite(speed) ? "as fast as possible" : String.format("%.0fx real time", speed);
    }
}
