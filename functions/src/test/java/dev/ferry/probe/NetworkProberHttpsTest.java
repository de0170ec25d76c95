package dev.ferry.probe;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ferry.probe.Prober.ProbeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTPS check of a launched instance: the connection goes to its address, the certificate is
 * verified against the name the wave gives, against a real TLS server on 127.0.0.1 whose
 * certificate (made by the JDK's keytool) names media.example.com only.
 */
class NetworkProberHttpsTest {

    private static final String NAME = "media.example.com";
    private static final char[] PASSWORD = "rehearsal".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path folder;

    private static HttpsServer server;
    private static SSLContext trustingTheCertificate;
    private static final List<String> HOSTS_ASKED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startATlsServerWithACertificateForTheServiceName() throws Exception {
        Path keyStore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        trustingTheCertificate = SSLContext.getInstance("TLS");
        trustingTheCertificate.init(null, trustManagers.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/health", exchange -> {
            HOSTS_ASKED.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theInstancesAddressAnswersWithACertificateForTheServiceNameAndPasses() {
        ProbeResult result = new NetworkProber(trustingTheCertificate).https(url(), NAME, 204, TIMEOUT);

        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(result.detail()).matches("https GET https://127\\.0\\.0\\.1:\\d+/health as media\\.example\\.com: "
                + "status 204 in \\d+ ms");
        assertThat(HOSTS_ASKED).contains(NAME);
    }

    @Test
    void aCertificateForAnotherNameFailsSayingSo() {
        ProbeResult result = new NetworkProber(trustingTheCertificate).https(url(), "shop.example.com", 204, TIMEOUT);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains(": the certificate is not issued for shop.example.com (");
    }

    @Test
    void aCertificateNoTrustedAuthorityIssuedFailsSayingSo() {
        ProbeResult result = new NetworkProber().https(url(), NAME, 204, TIMEOUT);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains(": the certificate is not from a trusted authority (");
    }

    @Test
    void anotherStatusThanExpectedFails() {
        ProbeResult result = new NetworkProber(trustingTheCertificate).https(url(), NAME, 200, TIMEOUT);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains(": status 204, expected 200, after ");
    }

    private static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }
}
