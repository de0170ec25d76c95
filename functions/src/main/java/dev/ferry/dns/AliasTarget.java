package dev.ferry.dns;

/**
 * Where an alias record points (a load balancer, a CloudFront distribution, another record).
 *
 * @param hostedZoneId         the hosted zone of the target
 * @param dnsName              the target's DNS name
 * @param evaluateTargetHealth whether Route 53 checks the target's health
 */
public record AliasTarget(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
}
