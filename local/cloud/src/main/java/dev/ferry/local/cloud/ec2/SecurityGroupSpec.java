package dev.ferry.local.cloud.ec2;

import java.util.List;
import java.util.Map;

/**
 * A security group that exists before the rehearsal starts, as the environment file gives it.
 *
 * @param groupId     its ID
 * @param groupName   its name, unique in its VPC
 * @param description its description
 * @param vpcId       its VPC
 * @param tags        its tags
 * @param ingress     rules for incoming traffic
 * @param egress      rules for outgoing traffic
 */
public record SecurityGroupSpec(String groupId, String groupName, String description, String vpcId,
                                Map<String, String> tags, List<GroupRule> ingress, List<GroupRule> egress) {

    public SecurityGroupSpec {
        tags = Map.copyOf(tags);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }
}
