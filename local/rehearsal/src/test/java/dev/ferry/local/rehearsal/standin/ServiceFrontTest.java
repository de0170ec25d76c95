package dev.ferry.local.rehearsal.standin;

import dev.ferry.local.engine.time.VirtualClock;
import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.mgn.model.LaunchKind;
import dev.ferry.local.mgn.model.TargetInstance;
import dev.ferry.wave.DnsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceFrontTest {

    private static final String FRONT_ADDRESS = "127.0.20.77";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ApplicationStandIns standIns = new ApplicationStandIns();

    @AfterEach
    void stop() {
        standIns.close();
    }

    @Test
    void theFrontIsTheHealthChecksAddressPortAndPath() {
        ServiceFront front = ServiceFront.of(dns("http://127.0.20.10:8080/health", 204));

        assertThat(front).isEqualTo(new ServiceFront("127.0.20.10", 8080, Map.of("/health", 204)));
    }

    @Test
    void aFrontMovedIntoARunsBlockKeepsItsPortAndPath() throws Exception {
        ServiceFront front = ServiceFront.of(dns("http://127.0.20.10:8080/health", 204));

        try (LoopbackBlock block = LoopbackBlock.claim()) {
            assertThat(front.movedInto(block))
                    .isEqualTo(new ServiceFront(block.network() + ".20.10", 8080, Map.of("/health", 204)));
        }
    }

    @Test
    void aHealthCheckOnAHostNameIsRefusedBecauseARehearsalHasNoDns() {
        assertThatThrownBy(() -> ServiceFront.of(dns("https://media.example.com/health", 200)))
                .isInstanceOf(StandInException.class)
                .hasMessageContaining("dns.healthCheck.url https://media.example.com/health")
                .hasMessageContaining("127.0.20.1");
    }

    @Test
    void aHealthCheckOnALaunchedInstancesAddressIsRefused() {
        assertThatThrownBy(() -> ServiceFront.of(dns("http://127.0.10.3:8080/", 200)))
                .isInstanceOf(StandInException.class);
    }

    @Test
    void theFrontAnswersOnlyWhileACutoverInstanceRunsHealthy() throws Exception {
        int port = freePort();
        standIns.front(new ServiceFront(FRONT_ADDRESS, port, Map.of("/health", 200)));
        URI health = URI.create("http://" + FRONT_ADDRESS + ":" + port + "/health");

        standIns.sync(List.of(instance(LaunchKind.TEST, InstanceState.RUNNING)));
        assertThatThrownBy(() -> get(health)).isInstanceOf(ConnectException.class);

        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.RUNNING)));
        assertThat(get(health)).isEqualTo(200);

        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.TERMINATED)));
        assertThatThrownBy(() -> get(health)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aFrontWithAFaultAnswersTheFailureStatusOnEveryPathFromTheFaultsTimeAfterItFirstOpened() throws Exception {
        int port = freePort();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T10:00:00Z"));
        standIns.front(new ServiceFront(FRONT_ADDRESS, port, Map.of("/health", 200)),
                new ServiceFrontFault(Duration.ofMinutes(10), 503), clock);
        URI health = URI.create("http://" + FRONT_ADDRESS + ":" + port + "/health");
        URI other = URI.create("http://" + FRONT_ADDRESS + ":" + port + "/");

        clock.advanceBy(Duration.ofMinutes(30));
        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.RUNNING)));
        clock.advanceBy(Duration.ofMinutes(9));
        assertThat(get(health)).isEqualTo(200);

        clock.advanceBy(Duration.ofMinutes(1));
        assertThat(get(health)).isEqualTo(503);
        assertThat(get(other)).isEqualTo(503);
    }

    @Test
    void aFailedFrontStaysFailedWhenItClosesAndOpensAgain() throws Exception {
        int port = freePort();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T10:00:00Z"));
        standIns.front(new ServiceFront(FRONT_ADDRESS, port, Map.of("/health", 200)),
                new ServiceFrontFault(Duration.ofMinutes(10), 503), clock);
        URI health = URI.create("http://" + FRONT_ADDRESS + ":" + port + "/health");
        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.RUNNING)));
        clock.advanceBy(Duration.ofMinutes(10));

        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.TERMINATED)));
        standIns.sync(List.of(instance(LaunchKind.CUTOVER, InstanceState.RUNNING)));

        assertThat(get(health)).isEqualTo(503);
    }

    private static DnsSettings dns(String url, int status) {
        return new DnsSettings(List.of(), 60, List.of(100), 0, new DnsSettings.HealthCheck(url, status));
    }

    private static TargetInstance instance(LaunchKind kind, InstanceState state) {
        return new TargetInstance("i-0000000000000c001", "s-00000000000000001", "i-0a1b2c3d4e5f60718", "media-server",
                kind, "127.0.10.250", state, false, "lt-0000000000000001", "mgnjob-00000000000000001",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(FRONT_ADDRESS), 0));
            return socket.getLocalPort();
        }
    }
}
