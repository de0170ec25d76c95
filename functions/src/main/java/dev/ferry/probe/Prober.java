package dev.ferry.probe;

import java.time.Duration;

/** Checks that a launched instance's application answers. */
public interface Prober {

    /** Opens a TCP connection to host:port within the timeout. */
    ProbeResult tcp(String host, int port, Duration timeout);

    /** Sends GET to the URL and expects the status, within the timeout. */
    ProbeResult http(String url, int expectStatus, Duration timeout);

    /** What a probe found; {@code detail} says what failed in words a person can act on. */
    record ProbeResult(boolean passed, String detail) {
    }
}
