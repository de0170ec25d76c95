package dev.ferry.wave;

import java.util.List;

/**
 * What a launched instance must show before Ferry trusts it: EC2 status checks and the
 * application answering, as the walkthrough checks its test instance by opening the application.
 *
 * @param statusChecks     whether EC2 instance and system status checks must pass
 * @param tcp              TCP ports that must accept a connection
 * @param http             HTTP URLs that must answer with an expected status
 * @param timeLimitMinutes how long after launch the checks may take to pass
 */
public record ValidationSettings(boolean statusChecks, List<TcpCheck> tcp, List<HttpCheck> http, int timeLimitMinutes) {

    public ValidationSettings {
        tcp = List.copyOf(tcp);
        http = List.copyOf(http);
    }

    /** A port on the launched instance that must accept a TCP connection. */
    public record TcpCheck(int port, Address address) {
    }

    /**
     * A URL that must answer with {@code expectStatus}. The URL's host is the literal
     * {@code {address}}, replaced by the instance's public or private IP.
     *
     * @param serverName for an {@code https://} URL, the name the instance's certificate is issued
     *                   for: the probe connects to the address and verifies the certificate against
     *                   this name, which it also sends as SNI and Host; null for {@code http://}
     */
    public record HttpCheck(String url, int expectStatus, Address address, String serverName) {

        /** A check without a server name: an {@code http://} URL. */
        public HttpCheck(String url, int expectStatus, Address address) {
            this(url, expectStatus, address, null);
        }

        public boolean isHttps() {
            return isHttps(url);
        }

        /** Whether the URL is an {@code https://} one, in any case. */
        static boolean isHttps(String url) {
            return url.regionMatches(true, 0, "https://", 0, "https://".length());
        }
    }

    /** Which of the instance's addresses a probe connects to. */
    public enum Address { PUBLIC, PRIVATE }
}
