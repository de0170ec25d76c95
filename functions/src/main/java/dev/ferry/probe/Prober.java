package dev.ferry.probe;

import java.time.Duration;

/** Checks that a launched instance's application answers. */
public interface Prober {

    /** Opens a TCP connection to host:port within the timeout. */
    ProbeResult tcp(String host, int port, Duration timeout);

    /** Sends GET to the URL and expects the status, within the timeout. */
    ProbeResult http(String url, int expectStatus, Duration timeout);

    /**
     * Sends GET over TLS to the URL's host (an address) and expects the status, within the
     * timeout, after verifying the certificate against {@code serverName}, which also goes in the
     * handshake (SNI) and the {@code Host} header.
     */
    ProbeResult https(String url, String serverName, int expectStatus, Duration timeout);

    /** What a probe found; {@code detail} says what failed in words a person can act on. */
    record ProbeResult(boolean passed, String detail) {
    }
}
