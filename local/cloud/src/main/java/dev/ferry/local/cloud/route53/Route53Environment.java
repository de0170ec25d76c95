package dev.ferry.local.cloud.route53;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

/**
 * The {@code route53} section of an environment file: the hosted zones and how long a change takes
 * to reach every Route 53 name server. Without the section there is no hosted zone.
 *
 * @param propagation the virtual time from a change to the first GetChange that finds it INSYNC
 * @param hostedZones the hosted zones
 */
public record Route53Environment(Duration propagation, List<HostedZoneSpec> hostedZones) {

    /** No hosted zone: what an environment file without a {@code route53} section means. */
    public static final Route53Environment NONE = new Route53Environment(Duration.ZERO, List.of());

    public Route53Environment {
        hostedZones = List.copyOf(hostedZones);
    }

    /** Reads the {@code route53} section of an environment file's root object, noting each problem with its JSON path. */
    public static Route53Environment fromJson(JsonNode root, List<String> problems) {
        return new Route53EnvironmentReader(problems).read(root);
    }
}
