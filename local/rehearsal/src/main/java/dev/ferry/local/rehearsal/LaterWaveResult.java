package dev.ferry.local.rehearsal;

import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.server.WaveReport;
import java.time.Duration;
import java.util.List;

/**
 * How a wave started alongside the rehearsed one ended.
 *
 * @param waveName       its name (also its execution name)
 * @param executionArn   its execution
 * @param after          how long after the rehearsed wave it was started
 * @param status         how its execution ended (RUNNING when the rehearsal stopped waiting)
 * @param error          the execution's error, or null
 * @param cause          the execution's cause, or null
 * @param report         the complete report its Report stage exported (the bounded one it returned
 *                       when the export failed), or null when it never ran (a wave refused by
 *                       preflight has none)
 */
public record LaterWaveResult(String waveName, String executionArn, Duration after, ExecutionStatus status,
                              String error, String cause, WaveReport report) {

    /** Its servers' rows, from its complete report; empty when it has none. */
    public List<WaveReport.ServerOutcome> servers() {
        return report == null ? List.of() : report.servers();
    }
}
