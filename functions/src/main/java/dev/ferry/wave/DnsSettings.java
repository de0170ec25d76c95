package dev.ferry.wave;

import java.time.Duration;
import java.util.List;

/**
 * How a wave moves traffic with Route 53 once its cutover is validated: the TTL of each record is
 * lowered at wave start, then weighted records move from the source to the target in steps, with
 * a pause and a health check between steps; the original TTL comes back at the end, or with
 * everything sent back to the source when a check fails.
 *
 * @param records      the records to move, at least one
 * @param lowerTtlTo   the TTL (seconds) while traffic moves
 * @param steps        the target's share in percent after each step, rising, ending at 100
 * @param pauseMinutes how long traffic flows after each step before the health check
 * @param healthCheck  what must answer before each next step (and after the last)
 */
public record DnsSettings(List<DnsRecord> records, long lowerTtlTo, List<Integer> steps, long pauseMinutes,
                          HealthCheck healthCheck) {

    public DnsSettings {
        records = records == null ? List.of() : List.copyOf(records);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The pause after each step. */
    public Duration pause() {
        return Duration.ofMinutes(pauseMinutes);
    }

    /**
     * One record moved with weighted record sets.
     *
     * @param hostedZoneId        the Route 53 hosted zone
     * @param name                the record name, e.g. {@code media.example.com}
     * @param type                {@code A}, {@code AAAA} or {@code CNAME}
     * @param sourceSetIdentifier the weighted set that keeps the source's values
     * @param targetSetIdentifier the weighted set that gets the target's values
     * @param targetValues        the target's values, or empty when it is an alias
     * @param targetAlias         where the target set points as an alias, or null
     */
    public record DnsRecord(String hostedZoneId, String name, String type, String sourceSetIdentifier,
                            String targetSetIdentifier, List<String> targetValues, TargetAlias targetAlias) {

        public DnsRecord {
            targetValues = targetValues == null ? List.of() : List.copyOf(targetValues);
        }

        /** The record as people read it: {@code media.example.com A in Z0123}. */
        public String label() {
            return name + " " + type + " in " + hostedZoneId;
        }
    }

    /**
     * An alias target of the target's weighted set (a load balancer, a distribution).
     *
     * @param hostedZoneId         the target's hosted zone
     * @param dnsName              the target's DNS name
     * @param evaluateTargetHealth whether Route 53 checks the target's health
     */
    public record TargetAlias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    /**
     * An HTTP check of the service behind the records.
     *
     * @param url          an http or https URL
     * @param expectStatus the status it must answer with
     */
    public record HealthCheck(String url, int expectStatus) {
    }
}
