package dev.ferry.notify;

import java.time.Duration;

/** Counts and durations in the words people read in messages and reasons. */
public final class Wording {

    private Wording() {
    }

    /** "1 server", "3 servers". */
    public static String servers(int count) {
        return count == 1 ? "1 server" : count + " servers";
    }

    /** "24 hours", "1 hour", "90 minutes": whole hours when the duration is whole hours. */
    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes > 0 && minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
