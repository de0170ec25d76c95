package dev.ferry.local.engine.asl;

import dev.ferry.local.engine.json.JsonPath;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * TimeoutSeconds / TimeoutSecondsPath and HeartbeatSeconds / HeartbeatSecondsPath of a Task; at most
 * one of each pair is present.
 */
public record TaskTimeouts(OptionalInt timeoutSeconds, Optional<JsonPath> timeoutSecondsPath,
        OptionalInt heartbeatSeconds, Optional<JsonPath> heartbeatSecondsPath) {
}
