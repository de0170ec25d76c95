package dev.ferry.ec2;

import java.util.List;
import java.util.Map;

/**
 * What a new version of a server's MGN launch template sets; null fields are copied from the
 * source version.
 *
 * @param instanceType      instance type
 * @param subnetId          subnet of the primary network interface
 * @param securityGroupIds  security groups of the primary network interface
 * @param keyName           key pair
 * @param associatePublicIp whether the primary interface gets a public IP
 * @param tags              tags on the instance
 */
public record LaunchTemplateChange(String instanceType, String subnetId, List<String> securityGroupIds,
                                   String keyName, Boolean associatePublicIp, Map<String, String> tags) {
}
