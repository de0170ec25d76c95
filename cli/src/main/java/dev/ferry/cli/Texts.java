package dev.ferry.cli;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.wave.WaveDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How times, durations and groups of servers read in the commands' output. */
final class Texts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /** {@code us-east-1 -> eu-central-1}, or {@code into eu-central-1} for a wave that names no source region. */
    static String route(WaveDefinition wave) {
        return wave.sourceRegion() == null ? "into " + wave.targetRegion() : wave.sourceRegion() + " -> " + wave.targetRegion();
    }

    /** {@code 2026-03-02 10:15:00 UTC}, or {@code -} for none. */
    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /**
     * MGN's replication lag (an ISO-8601 duration such as {@code PT1M5S}) as {@code 1m 05s}; MGN's
     * text as it is when it does not parse, and {@code -} when MGN has none (before the first sync).
     */
    static String lag(String isoDuration) {
        if (isoDuration == null || isoDuration.isBlank()) {
            return "-";
        }
        try {
            Duration lag = Duration.parse(isoDuration);
            long hours = lag.toHours();
            int minutes = lag.toMinutesPart();
            int seconds = lag.toSecondsPart();
            if (hours > 0) {
                return hours + "h " + String.format("%02dm", minutes);
            }
            return minutes > 0 ? minutes + "m " + String.format("%02ds", seconds) : seconds + "s";
        } catch (DateTimeParseException notIso) {
            return isoDuration;
        }
    }

    /**
     * Where a wave's servers are, in few words: the finished ones by outcome, the others by stage,
     * in the order of the stages, e.g. {@code 4 CUT_OVER, 2 in CUTOVER_VALIDATION}.
     */
    static String whereServersAre(List<ServerRecord> servers) {
        Map<ServerStatus, Integer> finished = new EnumMap<>(ServerStatus.class);
        Map<Stage, Integer> active = new EnumMap<>(Stage.class);
        for (ServerRecord server : servers) {
            if (server.isActive()) {
                active.merge(server.stage(), 1, Integer::sum);
            } else {
                finished.merge(server.status(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        finished.forEach((status, count) -> parts.add(count + " " + status));
        active.forEach((stage, count) -> parts.add(count + " in " + stage));
        return String.join(", ", parts);
    }
}
