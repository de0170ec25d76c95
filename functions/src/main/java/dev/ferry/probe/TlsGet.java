package dev.ferry.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS GET to an address, with the certificate verified against another name: the name the
 * service's certificate is issued for, while the connection goes to the launched instance's IP,
 * which no DNS record names yet. The JDK's HTTP client verifies the URL's host, so this opens the
 * TCP connection itself and layers TLS over it with the name as the peer host: the handshake
 * sends it as SNI and checks the certificate against it (endpoint identification {@code HTTPS}).
 * It reads the status line only.
 */
final class TlsGet {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})(?: .*)?$");
    private static final int HTTPS_PORT = 443;

    private TlsGet() {
    }

    /**
     * The status the server answered.
     *
     * @throws javax.net.ssl.SSLHandshakeException when the certificate is not trusted or not issued for {@code serverName}
     * @throws IOException when the connection fails or the answer is not HTTP
     */
    static int status(URI uri, String serverName, SSLContext tls, Duration timeout) throws IOException {
        int port = uri.getPort() != -1 ? uri.getPort() : HTTPS_PORT;
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(uri.getHost(), port), millis);
            plain.setSoTimeout(millis);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, serverName, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathOf(uri) + " HTTP/1.1\r\nHost: " + serverName + "\r\nUser-Agent: ferry-probe\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            Matcher status = STATUS_LINE.matcher(statusLine == null ? "" : statusLine);
            if (!status.matches()) {
                throw new ProtocolException("the answer is not HTTP/1.1: "
                        + (statusLine == null ? "the connection closed" : "'" + statusLine + "'"));
            }
            return Integer.parseInt(status.group(1));
        }
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
