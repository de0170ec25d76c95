package dev.ferry.local.engine.asl;

import dev.ferry.local.engine.json.JsonPath;
import java.time.Instant;

/** How long a Wait state waits: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
public sealed interface WaitTime {

    /** A fixed number of seconds. */
    record Seconds(long seconds) implements WaitTime {
    }

    /** A number of seconds read from the effective input. */
    record SecondsPath(JsonPath path) implements WaitTime {
    }

    /** A fixed moment. */
    record Timestamp(Instant instant) implements WaitTime {
    }

    /** A moment read from the effective input. */
    record TimestampPath(JsonPath path) implements WaitTime {
    }
}
