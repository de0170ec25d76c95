package dev.ferry.cli;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import java.util.List;
import java.util.Optional;

/**
 * What the table and Step Functions say of one wave at one moment.
 *
 * @param waveId    the wave's ID (its execution's name)
 * @param wave      the wave's record, empty before Preflight stored it (or when it refused the wave)
 * @param servers   its servers' records, in source server ID order
 * @param execution its execution, empty when Step Functions no longer has it (executions are kept 90
 *                  days after they end, the table's records longer)
 */
record WaveView(String waveId, Optional<WaveRecord> wave, List<ServerRecord> servers, Optional<ExecutionView> execution) {

    WaveView {
        servers = List.copyOf(servers);
    }

    /** Whether the wave may still change: its execution runs. */
    boolean isRunning() {
        return execution.map(ExecutionView::isRunning).orElse(false);
    }
}
