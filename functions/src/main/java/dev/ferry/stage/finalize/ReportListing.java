package dev.ferry.stage.finalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.json.Json;
import dev.ferry.server.WaveReport;
import dev.ferry.server.WaveReport.AgentInstallOutcome;
import dev.ferry.server.WaveReport.ServerOutcome;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a complete report down to what the execution's output may hold: the rows a person needs
 * first (failed and left-out servers, failed installations), then the others, as many as fit in
 * a byte budget of JSON. Step Functions allows 256 KiB per state; the budget keeps the output a
 * small fraction of that at any wave size, since every row is in the export anyway.
 */
final class ReportListing {

    /** The execution's output stays under 32 KiB whatever the wave's size. */
    static final int MAX_OUTPUT_BYTES = 24 * 1024;

    private ReportListing() {
    }

    /** The report with as many rows as fit in {@code maxBytes} of JSON, problems first. */
    static WaveReport within(WaveReport complete, int maxBytes) {
        if (jsonBytes(complete) <= maxBytes) {
            return complete;
        }
        WaveReport empty = complete.listing(List.of(), List.of());
        long budget = maxBytes - jsonBytes(empty);
        List<ServerOutcome> servers = new ArrayList<>();
        List<AgentInstallOutcome> installs = new ArrayList<>();
        budget = fill(servers, complete.servers(), ServerOutcome::isProblem, budget);
        budget = fill(installs, complete.agentInstalls(), AgentInstallOutcome::isProblem, budget);
        budget = fill(servers, complete.servers(), server -> !server.isProblem(), budget);
        fill(installs, complete.agentInstalls(), install -> !install.isProblem(), budget);
        return complete.listing(servers, installs);
    }

    /**
     * Appends the rows that {@code take} selects while they fit, in order; the first that does not
     * fit ends the group, so the listing stays a prefix of each group.
     */
    private static <T> long fill(List<T> listed, List<T> rows, Predicate<T> take, long budget) {
        for (T row : rows) {
            if (!take.test(row)) {
                continue;
            }
            long bytes = jsonBytes(row) + 1;
            if (bytes > budget) {
                return 0;
            }
            listed.add(row);
            budget -= bytes;
        }
        return budget;
    }

    static int jsonBytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value).length;
        } catch (JsonProcessingException cannotHappen) {
            throw new UncheckedIOException("A report is plain data", cannotHappen);
        }
    }
}
