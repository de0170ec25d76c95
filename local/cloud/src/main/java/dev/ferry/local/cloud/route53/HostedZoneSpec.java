package dev.ferry.local.cloud.route53;

import java.util.List;

/**
 * A public hosted zone of the environment and the record sets it starts with (Route 53 adds the
 * zone's NS and SOA records itself).
 *
 * @param id         the zone's ID, e.g. {@code Z0123456789ABCDEFGHIJ}
 * @param name       its domain, lower case with the final dot
 * @param recordSets its record sets
 */
public record HostedZoneSpec(String id, String name, List<RecordSet> recordSets) {

    public HostedZoneSpec {
        name = DnsNames.normal(name);
        recordSets = List.copyOf(recordSets);
    }
}
