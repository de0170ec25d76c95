package dev.ferry.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * {@link Prober} over the network: a TCP connect, an HTTP GET with {@link HttpClient}, or an HTTPS
 * GET to an address with the certificate verified against the service's name ({@link TlsGet}). Every
 * result says what was probed, what happened and how long it took, in words an operator can act
 * on, e.g. {@code tcp 10.0.1.5:22: connection refused after 120 ms}.
 *
 * <p>Elapsed times come from {@link System#nanoTime()}: they measure real network time, which no
 * virtual clock can stand for, and they only ever appear in the detail text.
 */
public class NetworkProber implements Prober {

    /** Whom an HTTPS probe trusts: the JDK's certificate authorities unless told otherwise. */
    private final SSLContext tls;

    /** A prober that trusts the JDK's certificate authorities. */
    public NetworkProber() {
        this(defaultTls());
    }

    /** A prober whose HTTPS probes trust what {@code tls} trusts. */
    public NetworkProber(SSLContext tls) {
        this.tls = tls;
    }

    @Override
    public ProbeResult tcp(String host, int port, Duration timeout) {
        String target = "tcp " + host + ":" + port;
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
            return new ProbeResult(true, target + ": connected in " + elapsedMillis(started) + " ms");
        } catch (IOException e) {
            return new ProbeResult(false, target + ": " + describe(e, timeout) + " after " + elapsedMillis(started) + " ms");
        }
    }

    @Override
    public ProbeResult http(String url, int expectStatus, Duration timeout) {
        String target = "http GET " + url;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUrl) {
            return invalidUrl(target, notAUrl);
        }
        long started = System.nanoTime();
        // A client per probe: its connect time-out is fixed at build time, and closing it frees
        // its selector thread at once instead of leaving it to a later garbage collection.
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return answered(target, status, expectStatus, started);
        } catch (IOException e) {
            return new ProbeResult(false, target + ": " + describe(e, timeout) + " after " + elapsedMillis(started) + " ms");
        } catch (IllegalArgumentException unsupported) {
            return new ProbeResult(false, target + ": cannot be requested (" + unsupported.getMessage() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, target + ": interrupted after " + elapsedMillis(started) + " ms");
        }
    }

    @Override
    public ProbeResult https(String url, String serverName, int expectStatus, Duration timeout) {
        String target = "https GET " + url + " as " + serverName;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUrl) {
            return invalidUrl(target, notAUrl);
        }
        long started = System.nanoTime();
        try {
            return answered(target, TlsGet.status(uri, serverName, tls, timeout), expectStatus, started);
        } catch (SSLHandshakeException e) {
            return new ProbeResult(false, target + ": " + describeHandshake(e, serverName) + " after "
                    + elapsedMillis(started) + " ms");
        } catch (IOException e) {
            return new ProbeResult(false, target + ": " + describe(e, timeout) + " after " + elapsedMillis(started) + " ms");
        } catch (IllegalArgumentException unusable) {
            return new ProbeResult(false, target + ": cannot be requested (" + unusable.getMessage() + ")");
        }
    }

    /** The result of a request the server answered with {@code status}. */
    private static ProbeResult answered(String target, int status, int expectStatus, long started) {
        long millis = elapsedMillis(started);
        if (status == expectStatus) {
            return new ProbeResult(true, target + ": status " + status + " in " + millis + " ms");
        }
        return new ProbeResult(false, target + ": status " + status + ", expected " + expectStatus
                + ", after " + millis + " ms");
    }

    private static ProbeResult invalidUrl(String target, IllegalArgumentException notAUrl) {
        return new ProbeResult(false, target + ": not a valid URL (" + notAUrl.getMessage() + ")");
    }

    /** Why the TLS handshake failed: most often a certificate that is not for the name, or not trusted. */
    private static String describeHandshake(SSLHandshakeException failure, String serverName) {
        String detail = messages(failure);
        if (has(failure, CertificateException.class) && detail.contains("match")) {
            return "the certificate is not issued for " + serverName + " (" + detail + ")";
        }
        if (detail.contains("PKIX") || detail.contains("certification path")) {
            return "the certificate is not from a trusted authority (" + detail + ")";
        }
        return "TLS handshake failed (" + detail + ")";
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no default TLS context", e);
        }
    }

    /**
     * What went wrong, in the words an operator would search for. The JDK's HTTP client hides
     * the socket's own message, so the exception chain is searched for the telling type: an
     * {@code UnresolvedAddressException} is an unknown host, a closed channel under a
     * {@code ConnectException} is a refused connection.
     */
    private static String describe(IOException failure, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException || has(failure, SocketTimeoutException.class)) {
            return "no connection within " + timeout.toMillis() + " ms (timed out)";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no response within " + timeout.toMillis() + " ms (timed out)";
        }
        if (has(failure, UnknownHostException.class) || has(failure, UnresolvedAddressException.class)) {
            return "unknown host";
        }
        if (has(failure, NoRouteToHostException.class)) {
            return "no route to host";
        }
        if (has(failure, ConnectException.class)) {
            return isRefusal(failure) ? "connection refused" : "cannot connect (" + messages(failure) + ")";
        }
        return failure.getClass().getSimpleName() + " (" + messages(failure) + ")";
    }

    private static boolean isRefusal(Throwable failure) {
        return has(failure, ClosedChannelException.class)
                || messages(failure).toLowerCase(Locale.ROOT).contains("refused");
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    /** The non-empty messages along the chain, for failures without a better description. */
    private static String messages(Throwable failure) {
        StringJoiner joined = new StringJoiner(": ");
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                joined.add(current.getMessage());
            }
        }
        return joined.length() == 0 ? "no detail" : joined.toString();
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
