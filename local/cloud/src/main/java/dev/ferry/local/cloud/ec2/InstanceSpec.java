package dev.ferry.local.cloud.ec2;

import java.util.List;
import java.util.Map;

/**
 * A running instance that exists before the rehearsal starts (a source server), as the environment file gives it.
 *
 * @param instanceId         its ID
 * @param instanceType       its type, e.g. {@code t3.small}
 * @param windows            whether it runs Windows (EC2 names only that platform)
 * @param availabilityZone   its availability zone, in its region
 * @param subnetId           its subnet
 * @param vpcId              the subnet's VPC
 * @param privateIp          its private IPv4 address
 * @param securityGroupIds   the groups of its network interface, in its VPC
 * @param keyName            the key pair it was launched with, or null
 * @param instanceProfileArn the ARN of the instance profile associated with it at the start, or null
 * @param tags               its tags
 */
public record InstanceSpec(String instanceId, String instanceType, boolean windows, String availabilityZone,
                           String subnetId, String vpcId, String privateIp, List<String> securityGroupIds,
                           String keyName, String instanceProfileArn, Map<String, String> tags) {

    public InstanceSpec {
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = Map.copyOf(tags);
    }
}
