package dev.ferry.probe;

import java.time.Duration;

/** Placeholder being replaced by the real adapter. */
public class NetworkProber implements Prober {

    public NetworkProber() {
    }

    @Override
    public ProbeResult tcp(String host, int port, Duration timeout) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ProbeResult http(String url, int expectStatus, Duration timeout) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
