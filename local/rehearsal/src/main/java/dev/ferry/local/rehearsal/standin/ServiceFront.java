package dev.ferry.local.rehearsal.standin;

import dev.ferry.wave.DnsSettings;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the DNS switch's health check reaches in a rehearsal: the address the wave's records move to
 * (in AWS, an Elastic IP or a load balancer in front of the cutover instances). It answers the
 * check while at least one cutover instance runs healthy, as a load balancer with one healthy target
 * would, and refuses connections otherwise.
 *
 * @param address      the loopback address of the check's URL
 * @param port         its port
 * @param statusByPath the status the check's path answers with
 */
public record ServiceFront(String address, int port, Map<String, Integer> statusByPath) {

    /** 127.0.10.x and up go to launched instances; a front must not take one of their addresses. */
    private static final Pattern FRONT_ADDRESS = Pattern.compile("127\\.0\\.[2-9]\\d?\\.\\d{1,3}");

    public ServiceFront {
        statusByPath = Map.copyOf(statusByPath);
    }

    /**
     * The front of a wave's DNS switch.
     *
     * @throws StandInException when the health check cannot be answered on this machine: it must be
     *                          plain http to a loopback address outside the instances' range
     */
    public static ServiceFront of(DnsSettings dns) {
        String url = dns.healthCheck().url();
        URI uri = URI.create(url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || !FRONT_ADDRESS.matcher(uri.getHost()).matches()) {
            throw new StandInException("dns.healthCheck.url " + url + ": a rehearsal has no internet, so the health "
                    + "check must be plain http to a loopback address from 127.0.20.1 to 127.0.99.254 (the address "
                    + "the records move to, such as http://127.0.20.10:8080/health); the stand-in answers there while "
                    + "a cutover instance runs");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new ServiceFront(uri.getHost(), port, Map.of(path, dns.healthCheck().expectStatus()));
    }

    /** This front at its address moved into the run's own block of loopback addresses. */
    public ServiceFront movedInto(LoopbackBlock addresses) {
        return new ServiceFront(addresses.move(address), port, statusByPath);
    }
}
