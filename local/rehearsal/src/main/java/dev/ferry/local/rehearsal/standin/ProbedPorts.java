package dev.ferry.local.rehearsal.standin;

import dev.ferry.wave.ValidationSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ports a wave's validation probes connect to on a launched instance, and what an HTTP probe
 * expects on each path.
 *
 * @param tcp  ports that must accept a connection
 * @param http per port, the status each probed path must answer
 */
public record ProbedPorts(List<Integer> tcp, Map<Integer, Map<String, Integer>> http) {

    public ProbedPorts {
        tcp = List.copyOf(tcp);
        http = Map.copyOf(http);
    }

    /** The ports of a wave's validation settings. */
    public static ProbedPorts of(ValidationSettings validation) {
        List<Integer> tcp = new ArrayList<>();
        validation.tcp().forEach(check -> tcp.add(check.port()));
        Map<Integer, Map<String, Integer>> http = new TreeMap<>();
        for (ValidationSettings.HttpCheck check : validation.http()) {
            // The host is the literal {address} until the prober puts the instance's address there.
            URI url = URI.create(check.url().replace("{address}", "127.0.0.1"));
            if (!"http".equalsIgnoreCase(url.getScheme())) {
                throw new StandInException("validation.http " + check.url()
                        + ": the rehearsal's stand-in applications answer plain http only");
            }
            int port = url.getPort() < 0 ? 80 : url.getPort();
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            http.computeIfAbsent(port, any -> new TreeMap<>()).put(path, check.expectStatus());
        }
        return new ProbedPorts(tcp, http);
    }

    /** Every port, HTTP and TCP. */
    public List<Integer> all() {
        List<Integer> ports = new ArrayList<>(http.keySet());
        tcp.stream().filter(port -> !http.containsKey(port)).forEach(ports::add);
        return ports;
    }
}
