package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.events.EventFaults;
import dev.ferry.local.cloud.events.EventTargetInvocation;
import dev.ferry.local.cloud.faults.ServiceFaultCount;
import dev.ferry.local.cloud.lambda.LambdaFaultCount;
import dev.ferry.local.cloud.route53.RecordSet;
import dev.ferry.local.cloud.route53.Route53Change;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.cloud.ssm.InvocationRecord;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.server.WaveReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a rehearsal did and how the wave ended.
 *
 * @param waveName           the wave's name (also its execution name)
 * @param executionArn       the execution
 * @param status             how the execution ended (RUNNING when the rehearsal stopped waiting for it)
 * @param output             the execution's output, or null
 * @param error              the execution's error, or null
 * @param cause              the execution's cause, or null
 * @param report             the Report stage's result (the execution's bounded output), or null when it never ran
 * @param completeReport     the complete report the Report stage exported (every row), or null when there is none
 * @param stateTransitions   state transitions of the execution
 * @param historyEvents      events in its history
 * @param executionInput     bytes of the execution's input: the wave definition as given
 * @param largestPayload     bytes of the largest state input or output in its history other than
 *                           the wave definition (the execution's input, and Preflight's parameters)
 * @param dynamoDbRequests   requests the handlers made to DynamoDB
 * @param mgnCalls           every MGN API call, in order
 * @param mgnEvents          every event MGN emitted (delivered or not)
 * @param eventInvocations   every function EventBridge invoked (MGN events and schedules)
 * @param outbox             every notification, in order
 * @param notes              what happened around the wave that the display reported (approver, stand-ins)
 * @param simulatedDuration  virtual time from the start to the end of the execution
 * @param wallTime           real time the whole rehearsal took, setup included
 * @param runFolder          where the log and the outbox files are
 * @param ssmInvocations     every Run Command on every instance, as Systems Manager held it at the end
 * @param route53Changes     every change batch Route 53 accepted, in order
 * @param recordSets         the record sets of each hosted zone at the end, by hosted zone ID
 * @param start              when the execution started, on the simulated clock
 * @param faults             the Lambda faults injected and the invariants that did not hold
 * @param laterWaves         how the waves started alongside this one ended, in the order they started
 * @param mgnGroups          the MGN waves and applications at the end, a line per wave
 */
public record RehearsalResult(String waveName, String executionArn, ExecutionStatus status, String output, String error,
                              String cause, WaveReport report, WaveReport completeReport, long stateTransitions, int historyEvents,
                              int executionInput, int largestPayload, long dynamoDbRequests,
                              List<ApiCall> mgnCalls, List<MgnEvent> mgnEvents,
                              List<EventTargetInvocation> eventInvocations, List<OutboxMessage> outbox,
                              List<String> notes, Duration simulatedDuration, Duration wallTime, Path runFolder,
                              List<InvocationRecord> ssmInvocations, List<Route53Change> route53Changes,
                              Map<String, List<RecordSet>> recordSets, Instant start, Checks faults,
                              List<LaterWaveResult> laterWaves, List<String> mgnGroups) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RehearsalResult {
        mgnCalls = List.copyOf(mgnCalls);
        mgnEvents = List.copyOf(mgnEvents);
        eventInvocations = List.copyOf(eventInvocations);
        outbox = List.copyOf(outbox);
        notes = List.copyOf(notes);
        ssmInvocations = List.copyOf(ssmInvocations);
        route53Changes = List.copyOf(route53Changes);
        recordSets = Map.copyOf(recordSets);
        laterWaves = List.copyOf(laterWaves);
        mgnGroups = List.copyOf(mgnGroups);
    }

    /** A rehearsal that left no MGN wave or application. */
    public RehearsalResult(String waveName, String executionArn, ExecutionStatus status, String output, String error,
                           String cause, WaveReport report, WaveReport completeReport, long stateTransitions,
                           int historyEvents, int executionInput, int largestPayload, long dynamoDbRequests,
                           List<ApiCall> mgnCalls, List<MgnEvent> mgnEvents,
                           List<EventTargetInvocation> eventInvocations, List<OutboxMessage> outbox,
                           List<String> notes, Duration simulatedDuration, Duration wallTime, Path runFolder,
                           List<InvocationRecord> ssmInvocations, List<Route53Change> route53Changes,
                           Map<String, List<RecordSet>> recordSets, Instant start, Checks faults,
                           List<LaterWaveResult> laterWaves) {
        this(waveName, executionArn, status, output, error, cause, report, completeReport, stateTransitions,
                historyEvents, executionInput, largestPayload, dynamoDbRequests, mgnCalls, mgnEvents, eventInvocations,
                outbox, notes, simulatedDuration, wallTime, runFolder, ssmInvocations, route53Changes, recordSets,
                start, faults, laterWaves, List.of());
    }

    /** The Run Commands sent to one instance, in the order they were sent. */
    public List<InvocationRecord> ssmInvocationsOn(String instanceId) {
        return ssmInvocations.stream().filter(invocation -> invocation.instanceId().equals(instanceId)).toList();
    }

    /** The Report stage's result, if it ran. */
    public Optional<WaveReport> reportIfAny() {
        return Optional.ofNullable(report);
    }

    /**
     * One row per server, every server of the wave, failed and left-out ones first: from the
     * complete report the Report stage exported; empty when it never ran.
     */
    public List<WaveReport.ServerOutcome> servers() {
        WaveReport rows = completeReport != null ? completeReport : report;
        return rows == null ? List.of() : rows.servers();
    }

    /**
     * Whether every server of the wave was cut over, counted over all of them by the Report stage
     * (an agent installation that failed or was left out is a server that did not move), never
     * from the rows it happened to list.
     */
    public boolean everyServerCutOver() {
        return report != null && report.everyServerCutOver();
    }

    /**
     * The command line's exit code: 3 when an invariant did not hold (whatever became of the
     * servers), else 0 when every server was cut over and 1 when not.
     */
    public int exitCode() {
        if (!faults.violations().isEmpty()) {
            return EXIT_INVARIANT_VIOLATED;
        }
        return everyServerCutOver() ? 0 : 1;
    }

    /** The exit code of a rehearsal in which an invariant did not hold. */
    public static final int EXIT_INVARIANT_VIOLATED = 3;

    /**
     * What a rehearsal injected and what it found.
     *
     * @param lambdaFaults  what the Lambda service injected
     * @param serviceFaults what each other service injected, for those that injected any
     * @param eventFaults   what event delivery injected
     * @param lateCallbacks callbacks Step Functions refused as TaskTimedOut: their task attempt had ended
     * @param faultsMet     the faults each function met ({@link dev.ferry.local.cloud.lambda.LocalLambda#faultsMetByFunction})
     * @param violations    each invariant that did not hold ({@link Invariants}); empty when all held
     */
    public record Checks(LambdaFaultCount lambdaFaults, List<ServiceFaultCount> serviceFaults,
                         EventFaults.Count eventFaults, int lateCallbacks, Map<String, Integer> faultsMet,
                         List<String> violations) {

        /** No fault injected, every invariant held. */
        public static final Checks CLEAN = new Checks(LambdaFaultCount.NONE, List.of(), EventFaults.Count.NONE, 0,
                Map.of(), List.of());

        public Checks {
            serviceFaults = serviceFaults.stream().filter(count -> count.total() > 0).toList();
            faultsMet = Map.copyOf(faultsMet);
            violations = List.copyOf(violations);
        }

        /** Service requests that met a fault. */
        public int serviceFaultTotal() {
            return serviceFaults.stream().mapToInt(ServiceFaultCount::total).sum();
        }
    }

    /** The successful calls of one MGN operation. */
    public List<ApiCall> successfulCalls(String operation) {
        return successful(mgnCalls, operation);
    }

    /**
     * The source servers that successful calls of {@code operation} named, in order, with
     * repetitions ({@code sourceServerIDs} of a batch or {@code sourceServerID} of a single call).
     * A call the SDK re-sent (the same invocation id) counts once: it is one call of the controller.
     */
    public List<String> serversCalledWith(String operation) {
        return serversCalledWith(mgnCalls, operation);
    }

    /** {@link #serversCalledWith(String)} of these calls. */
    static List<String> serversCalledWith(List<ApiCall> calls, String operation) {
        List<String> servers = new ArrayList<>();
        Set<String> invocations = new HashSet<>();
        for (ApiCall call : successful(calls, operation)) {
            // One call of the controller, however often its SDK re-sent it after a lost answer.
            if (!call.sdkInvocationId().isEmpty() && !invocations.add(call.sdkInvocationId())) {
                continue;
            }
            JsonNode request = parse(call.requestJson());
            request.path("sourceServerIDs").forEach(id -> servers.add(id.asText()));
            if (request.hasNonNull("sourceServerID")) {
                servers.add(request.get("sourceServerID").asText());
            }
        }
        return servers;
    }

    private static List<ApiCall> successful(List<ApiCall> calls, String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation))
                .filter(call -> call.status() / 100 == 2).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("The MGN call log holds a request MGN accepted, so it is JSON", e);
        }
    }
}
