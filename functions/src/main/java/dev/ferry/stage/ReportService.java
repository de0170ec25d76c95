package dev.ferry.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.json.Json;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.ReportMessage;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.WaveReport.AgentInstallOutcome;
import dev.ferry.stage.WaveReport.Counts;
import dev.ferry.stage.WaveReport.ServerOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends a wave: decides how it ended, leaves out any server still active, records the wave's final
 * status, and returns the outcome table (the execution's output) after emailing it. Running it
 * again changes no data; it only sends the email again.
 */
public class ReportService {

    /** Keeps the execution's output well under Step Functions' 256 KiB per state. */
    static final int MAX_TABLE_BYTES = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final WaveStore waves;
    private final AgentInstallStore installs;
    private final Notifier notifier;
    private final Clock clock;

    public ReportService(WaveStore waves, AgentInstallStore installs, Notifier notifier, Clock clock) {
        this.waves = waves;
        this.installs = installs;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The report of waves without agent installation. */
    public ReportService(WaveStore waves, Notifier notifier, Clock clock) {
        this(waves, AgentInstallStore.none(), notifier, clock);
    }

    /** The wave's report; with an {@code error} the wave has FAILED. */
    public WaveReport report(ReportRequest request) {
        Optional<CaughtError> error = CaughtError.from(request.error());
        WaveReport report = waves.find(request.waveId())
                .map(wave -> report(wave, error))
                .orElseGet(() -> reportWithoutWave(request.waveId(), error));
        notifier.publish(ReportMessage.of(report));
        LOG.info("Wave ended {}: {} cut over, {} failed, {} left out", report.status(), report.counts().cutOver(),
                report.counts().failed(), report.counts().leftOut());
        return report;
    }

    private WaveReport report(WaveRecord wave, Optional<CaughtError> error) {
        Ending ending = Ending.of(wave, error);
        Instant now = clock.instant();
        List<ServerRecord> servers = waves.servers(wave.waveId());
        List<ServerRecord> leftBehind = servers.stream()
                .filter(ServerRecord::isActive)
                .map(server -> server.leftOut(ending.leftOutReason(), now))
                .toList();
        waves.putServers(leftBehind);
        if (wave.status() != ending.status() || !Objects.equals(wave.reason(), ending.reason())) {
            waves.update(wave.withStatus(ending.status(), ending.reason()));
        }

        List<ServerOutcome> outcomes = Records.replaced(servers, leftBehind).stream().map(ServerOutcome::of).toList();
        List<AgentInstallOutcome> agentInstalls = installs.installs(wave.waveId()).stream()
                .map(AgentInstallOutcome::of).toList();
        List<ServerOutcome> listed = withinOutputLimit(outcomes, MAX_TABLE_BYTES);
        List<AgentInstallOutcome> installsListed = withinOutputLimit(agentInstalls,
                MAX_TABLE_BYTES - jsonBytes(listed));
        boolean truncated = listed.size() < outcomes.size() || installsListed.size() < agentInstalls.size();
        String reason = ending.reason();
        if (listed.size() < outcomes.size()) {
            reason = withTruncationNote(reason, wave.waveId(), listed.size(), outcomes.size(), "servers", "server's");
        }
        if (installsListed.size() < agentInstalls.size()) {
            reason = withTruncationNote(reason, wave.waveId(), installsListed.size(), agentInstalls.size(),
                    "agent installations", "installation's");
        }
        return new WaveReport(wave.waveId(), wave.definition().waveName(), ending.status().name(), reason,
                Counts.of(outcomes, agentInstalls), listed, truncated, wave.network(),
                wave.dns() == null ? List.of() : wave.dns().history(), installsListed);
    }

    /** A wave that failed before it was stored (its preflight broke unexpectedly). */
    private static WaveReport reportWithoutWave(String waveId, Optional<CaughtError> error) {
        CaughtError failure = error.orElseThrow(() -> new UnknownWaveException(waveId));
        return new WaveReport(waveId, null, WaveStatus.FAILED.name(), Ending.failureReason(failure),
                new Counts(0, 0, 0, 0), List.of(), false, null, List.of());
    }

    /** The first rows that fit in {@code maxBytes} of JSON. */
    private static <T> List<T> withinOutputLimit(List<T> rows, long maxBytes) {
        List<T> listed = new ArrayList<>();
        long bytes = 0;
        for (T row : rows) {
            bytes += jsonBytes(row) + 1;
            if (bytes > maxBytes) {
                break;
            }
            listed.add(row);
        }
        return listed;
    }

    private static int jsonBytes(Object outcome) {
        try {
            return Json.mapper().writeValueAsBytes(outcome).length;
        } catch (JsonProcessingException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
    }

    private static String withTruncationNote(String reason, String waveId, int listed, int total, String rows,
                                             String everyOnes) {
        String note = "The report lists the first " + listed + " of " + total + " " + rows + "; every " + everyOnes
                + " outcome is in the DynamoDB table under pk WAVE#" + waveId + ".";
        return reason == null ? note : reason + ". " + note;
    }

    /** How a wave ended, in order of precedence: FAILED, STOPPED, NOT_APPROVED, COMPLETED. */
    private record Ending(WaveStatus status, String reason) {

        static Ending of(WaveRecord wave, Optional<CaughtError> error) {
            if (error.isPresent()) {
                return new Ending(WaveStatus.FAILED, failureReason(error.get()));
            }
            return switch (wave.status()) {
                case FAILED, STOPPED, NOT_APPROVED -> new Ending(wave.status(), wave.reason());
                case RUNNING, COMPLETED -> new Ending(WaveStatus.COMPLETED, null);
            };
        }

        static String failureReason(CaughtError error) {
            return "the wave failed unexpectedly: " + error.describe();
        }

        /** Why a server still active when the wave ends did not get to the end. */
        String leftOutReason() {
            String why = reason == null ? "" : ": " + reason;
            return switch (status) {
                case FAILED -> "left behind when the wave failed" + why;
                case STOPPED -> "left behind when the wave stopped" + why;
                case NOT_APPROVED -> reason == null ? "cutover not approved" : reason;
                case RUNNING, COMPLETED -> "the wave ended before this server was cut over";
            };
        }
    }
}
