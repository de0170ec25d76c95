package dev.ferry.stage.launch;

import dev.ferry.ec2.InstanceHealth;
import dev.ferry.probe.Prober;
import dev.ferry.probe.Prober.ProbeResult;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.ValidationSettings.Address;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks a wave asks of a launched instance, as separate tasks so that every probe of every
 * server can run at the same time. Each check yields the failure a person reads, or empty when it
 * passed.
 */
final class InstanceChecks {

    private static final String ADDRESS_PLACEHOLDER = "{address}";

    private final ValidationSettings settings;
    private final Prober prober;
    private final Duration probeTimeout;

    InstanceChecks(ValidationSettings settings, Prober prober, Duration probeTimeout) {
        this.settings = settings;
        this.prober = prober;
        this.probeTimeout = probeTimeout;
    }

    /**
     * The checks of one instance, in the order the wave lists them. An instance that is missing or
     * not running gets a single failing check: probing it would only wait for timeouts.
     *
     * @param instanceId the launched instance, or null when none is recorded
     * @param health     what EC2 said of it, or null when EC2 does not know it
     */
    List<Supplier<Optional<String>>> of(String instanceId, InstanceHealth health) {
        if (instanceId == null) {
            return List.of(failing("no launched instance is recorded for this server"));
        }
        if (health == null) {
            return List.of(failing("instance " + instanceId + " is not known to EC2"));
        }
        if (!"running".equals(health.state())) {
            return List.of(failing("instance " + instanceId + " is " + health.state()));
        }
        List<Supplier<Optional<String>>> checks = new ArrayList<>();
        if (settings.statusChecks() && !health.statusChecksPassed()) {
            checks.add(failing("EC2 status checks have not passed (system " + health.systemStatus()
                    + ", instance " + health.instanceStatus() + ")"));
        }
        for (ValidationSettings.TcpCheck tcp : settings.tcp()) {
            checks.add(tcpCheck(tcp, health));
        }
        for (ValidationSettings.HttpCheck http : settings.http()) {
            checks.add(httpCheck(http, health));
        }
        return checks;
    }

    private Supplier<Optional<String>> tcpCheck(ValidationSettings.TcpCheck tcp, InstanceHealth health) {
        String host = addressOf(health, tcp.address());
        String name = "TCP port " + tcp.port();
        if (host == null) {
            return failing(name + ": the instance has no " + addressName(tcp.address()));
        }
        return probing(name + " on " + host, () -> prober.tcp(host, tcp.port(), probeTimeout));
    }

    private Supplier<Optional<String>> httpCheck(ValidationSettings.HttpCheck http, InstanceHealth health) {
        String host = addressOf(health, http.address());
        if (host == null) {
            return failing("HTTP " + http.url() + ": the instance has no " + addressName(http.address()));
        }
        String url = http.url().replace(ADDRESS_PLACEHOLDER, host);
        if (http.isHttps()) {
            return probing("HTTPS " + url + " as " + http.serverName(),
                    () -> prober.https(url, http.serverName(), http.expectStatus(), probeTimeout));
        }
        return probing("HTTP " + url, () -> prober.http(url, http.expectStatus(), probeTimeout));
    }

    private static Supplier<Optional<String>> probing(String name, Supplier<ProbeResult> probe) {
        return () -> {
            try {
                ProbeResult result = probe.get();
                // The prober's detail already names what it probed and what happened.
                return result.passed() ? Optional.empty() : Optional.of(result.detail());
            } catch (RuntimeException probeBroke) {
                // A probe that throws has not shown the application answering; the server stays pending.
                return Optional.of(name + ": " + probeBroke.getMessage());
            }
        };
    }

    private static Supplier<Optional<String>> failing(String failure) {
        return () -> Optional.of(failure);
    }

    private static String addressOf(InstanceHealth health, Address address) {
        return address == Address.PRIVATE ? health.privateIp() : health.publicIp();
    }

    private static String addressName(Address address) {
        return address == Address.PRIVATE ? "private IP address" : "public IP address";
    }
}
