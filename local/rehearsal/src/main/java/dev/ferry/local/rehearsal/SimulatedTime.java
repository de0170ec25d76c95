package dev.ferry.local.rehearsal;

import java.time.Duration;
import java.time.Instant;

/** Virtual time as the display shows it: elapsed since the start, as {@code +hh:mm}. */
final class SimulatedTime {

    private SimulatedTime() {
    }

    /** {@code +hh:mm} from {@code start} to {@code now}; hours go past 24. */
    static String elapsed(Instant start, Instant now) {
        Duration elapsed = Duration.between(start, now);
        return String.format("+%02d:%02d", elapsed.toHours(), elapsed.toMinutesPart());
    }

    /** A duration in words: {@code 3 h 12 min}, {@code 45 min}, {@code 30 s}. */
    static String words(Duration duration) {
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        if (duration.toMinutes() > 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
