package dev.ferry.approval;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times are written for people, in emails and on the approval page: always UTC, said so. */
final class DisplayTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private DisplayTime() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
