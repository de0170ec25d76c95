package dev.ferry.local.cloud.route53;

/**
 * Where an alias record set points.
 *
 * @param hostedZoneId         the hosted zone of the target (a load balancer's, say)
 * @param dnsName              the target's name, with its final dot
 * @param evaluateTargetHealth whether Route 53 checks the target's health
 */
public record AliasTarget(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {

    public AliasTarget {
        dnsName = DnsNames.normal(dnsName);
    }
}
