package dev.ferry.stage.finalize;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.export.ExportedReport;
import dev.ferry.export.ReportExport;
import dev.ferry.export.ReportExportException;
import dev.ferry.notify.Notifier;
import dev.ferry.notify.ReportMessage;
import dev.ferry.server.ServerClaims;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.Counts;
import dev.ferry.server.WaveReport.FullTable;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.CaughtError;
import dev.ferry.stage.Records;
import dev.ferry.stage.ServerClaiming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends a wave: decides how it ended, leaves out any server still active, records the wave's final
 * status, gives its servers back for other waves, exports the complete report (every row), emails
 * it, and returns it cut to a bounded listing as the execution's output. Running it again changes no data; it only writes the same
 * export and sends the email again.
 */
public class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final WaveStore waves;
    private final AgentInstallStore installs;
    private final ReportExport export;
    private final Notifier notifier;
    private final ServerClaims claims;
    private final Clock clock;

    public ReportService(WaveStore waves, AgentInstallStore installs, ServerClaims claims, ReportExport export,
                         Notifier notifier, Clock clock) {
        this.waves = waves;
        this.installs = installs;
        this.claims = claims;
        this.export = export;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The wave's report as the execution's output; with an {@code error} the wave has FAILED. */
    public WaveReport report(ReportRequest request) {
        Optional<CaughtError> error = CaughtError.from(request.error());
        WaveReport complete = waves.find(request.waveId())
                .map(wave -> complete(wave, error))
                .orElseGet(() -> reportWithoutWave(request.waveId(), error));
        notifier.publish(ReportMessage.of(complete));
        Counts counts = complete.counts();
        LOG.info("Wave ended {}: {} cut over, {} failed, {} left out", complete.status(), counts.cutOver(),
                counts.failed(), counts.leftOut());
        return ReportListing.within(complete, ReportListing.MAX_OUTPUT_BYTES);
    }

    private WaveReport complete(WaveRecord wave, Optional<CaughtError> error) {
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

        List<AgentInstallRecord> installations = installs.installs(wave.waveId());
        // Nothing acts on the servers after this stage: another wave may take them now.
        ServerClaiming.release(claims, wave.executionArn(), ServerClaiming.keysOf(servers, installations));

        List<ServerOutcome> outcomes = Records.replaced(servers, leftBehind).stream().map(ServerOutcome::of).toList();
        List<AgentInstallOutcome> agentInstalls = installations.stream().map(AgentInstallOutcome::of).toList();
        WaveReport complete = WaveReport.complete(wave.waveId(), wave.definition().waveName(), ending.status().name(),
                ending.reason(), outcomes, wave.network(), wave.dns() == null ? List.of() : wave.dns().history(),
                agentInstalls);
        return complete.withFullTable(exported(complete));
    }

    /**
     * Where every row is kept. The email and the execution's output matter more than the export:
     * an export that fails is said in the report, beside the table's records, which hold every row too.
     */
    private FullTable exported(WaveReport complete) {
        String records = waves.recordsOf(complete.waveId());
        try {
            ExportedReport files = export.write(complete);
            return new FullTable(records, files.json(), files.csv(), null);
        } catch (ReportExportException e) {
            LOG.warn("The complete report of wave {} was not exported: {}", complete.waveId(), e.getMessage());
            return new FullTable(records, null, null, e.getMessage());
        }
    }

    /** A wave that failed before it was stored (its preflight broke unexpectedly). */
    private static WaveReport reportWithoutWave(String waveId, Optional<CaughtError> error) {
        CaughtError failure = error.orElseThrow(() -> new UnknownWaveException(waveId));
        return WaveReport.complete(waveId, null, WaveStatus.FAILED.name(), Ending.failureReason(failure),
                List.of(), null, List.of(), List.of());
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
