package dev.ferry.network;

import java.util.List;
import java.util.Map;

/**
 * A source EC2 instance, as described in the source region: what a launch in the target region
 * can be derived from, and what agent installation needs to know.
 *
 * @param instanceId         the instance
 * @param instanceType       its type, e.g. {@code t2.micro}
 * @param subnetId           its subnet
 * @param availabilityZone   the availability zone of that subnet, e.g. {@code us-east-1a}
 * @param vpcId              its VPC
 * @param securityGroupIds   the security groups of its primary network interface
 * @param instanceProfileArn the ARN of its IAM instance profile, or null when it has none
 * @param platform           Linux or Windows
 * @param keyName            the key pair it was launched with, or null
 * @param tags               its tags
 */
public record SourceInstance(String instanceId, String instanceType, String subnetId, String availabilityZone,
                             String vpcId, List<String> securityGroupIds, String instanceProfileArn,
                             Platform platform, String keyName, Map<String, String> tags) {

    public SourceInstance {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
