package dev.ferry.waits;

import dev.ferry.server.ServerRecord;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** How waits name servers and durations in reasons and notifications. */
final class Texts {

    /** How many servers a one-line reason names before it only counts the rest. */
    private static final int NAMED_IN_REASON = 10;

    private Texts() {
    }

    /** "web-1 (s-…)", or just the ID when the server has no other name. */
    static String nameOf(ServerRecord server) {
        String label = server.label();
        if (label == null || label.equals(server.sourceServerId())) {
            return server.sourceServerId();
        }
        return label + " (" + server.sourceServerId() + ")";
    }

    /** The first servers' names, then how many more there are. */
    static String someNames(List<ServerRecord> servers) {
        String named = servers.stream().limit(NAMED_IN_REASON).map(Texts::nameOf).collect(Collectors.joining(", "));
        int rest = servers.size() - NAMED_IN_REASON;
        return rest > 0 ? named + " and " + rest + " more" : named;
    }

    /** A time limit as people write it: "48 hours", "90 minutes", "45 seconds". */
    static String duration(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
