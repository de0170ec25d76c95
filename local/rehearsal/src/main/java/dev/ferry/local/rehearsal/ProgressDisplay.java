package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.WaveStore;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rehearsal's running commentary, on simulated time: each server's stage and its MGN states
 * (as the controller last read them from MGN) whenever they change, the emails as they arrive, and
 * what the simulated people do. The servers are read from the controller's own table after every
 * function invocation, since only a function changes them.
 */
final class ProgressDisplay {

    /** Width of the server column. */
    private static final int NAMES_WIDTH = 28;

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final WaveStore waves;
    private final String waveId;
    private final Map<String, String> lastShown = new HashMap<>();

    ProgressDisplay(PrintStream out, Clock clock, Instant start, WaveStore waves, String waveId) {
        this.out = out;
        this.clock = clock;
        this.start = start;
        this.waves = waves;
        this.waveId = waveId;
    }

    /**
     * Prints what changed in the servers since the last look. Servers that changed to the same
     * stage and states together share one line, so a wave of many servers stays readable.
     */
    synchronized void refresh() {
        List<ServerRecord> servers = waves.servers(waveId);
        Map<String, List<String>> namesByChange = new LinkedHashMap<>();
        for (ServerRecord server : servers) {
            String shown = describe(server);
            if (!shown.equals(lastShown.put(server.sourceServerId(), shown))) {
                namesByChange.computeIfAbsent(shown, any -> new ArrayList<>()).add(server.label());
            }
        }
        namesByChange.forEach((shown, names) -> line(String.format("%-" + NAMES_WIDTH + "s  %s",
                names(names, servers.size()), shown)));
    }

    /** The servers of one line: by name while they fit, else counted. */
    private static String names(List<String> names, int waveSize) {
        if (names.size() > 1 && names.size() == waveSize) {
            return "all " + waveSize + " servers";
        }
        String joined = String.join(", ", names);
        return joined.length() <= NAMES_WIDTH ? joined : names.getFirst() + " +" + (names.size() - 1) + " more";
    }

    synchronized void emailArrived(OutboxMessage message) {
        line("email: " + message.subject());
    }

    synchronized void note(String text) {
        line(text);
    }

    private void line(String text) {
        out.println(SimulatedTime.elapsed(start, clock.instant()) + "  " + text);
    }

    private static String describe(ServerRecord server) {
        StringBuilder text = new StringBuilder(server.stage().name());
        if (server.status() != ServerStatus.ACTIVE) {
            text.append(' ').append(server.status());
            if (server.failure() != null && server.failure().reason() != null) {
                text.append(": ").append(server.failure().reason());
            }
        }
        ServerRecord.MgnStates mgn = server.lastSeen();
        if (mgn != null && server.status() == ServerStatus.ACTIVE) {
            text.append(" ".repeat(Math.max(1, 20 - text.length())))
                    .append("MGN ").append(mgn.lifecycle()).append(" / ").append(mgn.replication());
        }
        return text.toString();
    }
}
