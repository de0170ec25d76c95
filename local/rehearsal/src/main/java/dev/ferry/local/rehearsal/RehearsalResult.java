package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.events.EventTargetInvocation;
import dev.ferry.local.cloud.route53.RecordSet;
import dev.ferry.local.cloud.route53.Route53Change;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.cloud.ssm.InvocationRecord;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.stage.WaveReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rehearsal did and how the wave ended.
 *
 * @param waveName           the wave's name (also its execution name)
 * @param executionArn       the execution
 * @param status             how the execution ended (RUNNING when the rehearsal stopped waiting for it)
 * @param output             the execution's output, or null
 * @param error              the execution's error, or null
 * @param cause              the execution's cause, or null
 * @param report             the per-server outcomes as the Report stage returned them, or null when it never ran
 * @param stateTransitions   state transitions of the execution
 * @param historyEvents      events in its history
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
 */
public record RehearsalResult(String waveName, String executionArn, ExecutionStatus status, String output, String error,
                              String cause, WaveReport report, long stateTransitions, int historyEvents,
                              List<ApiCall> mgnCalls, List<MgnEvent> mgnEvents,
                              List<EventTargetInvocation> eventInvocations, List<OutboxMessage> outbox,
                              List<String> notes, Duration simulatedDuration, Duration wallTime, Path runFolder,
                              List<InvocationRecord> ssmInvocations, List<Route53Change> route53Changes,
                              Map<String, List<RecordSet>> recordSets, Instant start) {

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
    }

    /** The Run Commands sent to one instance, in the order they were sent. */
    public List<InvocationRecord> ssmInvocationsOn(String instanceId) {
        return ssmInvocations.stream().filter(invocation -> invocation.instanceId().equals(instanceId)).toList();
    }

    /** The Report stage's result, if it ran. */
    public Optional<WaveReport> reportIfAny() {
        return Optional.ofNullable(report);
    }

    /** One row per server as the Report stage returned it; empty when it never ran. */
    public List<WaveReport.ServerOutcome> servers() {
        return report == null ? List.of() : report.servers();
    }

    /**
     * Whether every server of the wave was cut over: every server row says so, and every agent
     * installation brought its server into the wave (one that failed or was left out is a server
     * that did not move).
     */
    public boolean everyServerCutOver() {
        return report != null && !report.servers().isEmpty()
                && report.servers().stream().allMatch(server -> WaveReport.ServerOutcome.CUT_OVER.equals(server.outcome()))
                && report.agentInstalls().stream()
                        .allMatch(install -> WaveReport.AgentInstallOutcome.REGISTERED.equals(install.outcome()));
    }

    /** The command line's exit code: 0 when every server was cut over, else 1. */
    public int exitCode() {
        return everyServerCutOver() ? 0 : 1;
    }

    /** The successful calls of one MGN operation. */
    public List<ApiCall> successfulCalls(String operation) {
        return mgnCalls.stream().filter(call -> call.operation().equals(operation))
                .filter(call -> call.status() / 100 == 2).toList();
    }

    /**
     * The source servers that successful calls of {@code operation} named, in order, with
     * repetitions ({@code sourceServerIDs} of a batch or {@code sourceServerID} of a single call).
     */
    public List<String> serversCalledWith(String operation) {
        List<String> servers = new ArrayList<>();
        for (ApiCall call : successfulCalls(operation)) {
            JsonNode request = parse(call.requestJson());
            request.path("sourceServerIDs").forEach(id -> servers.add(id.asText()));
            if (request.hasNonNull("sourceServerID")) {
                servers.add(request.get("sourceServerID").asText());
            }
        }
        return servers;
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("The MGN call log holds a request MGN accepted, so it is JSON", e);
        }
    }
}
