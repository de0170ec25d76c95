package dev.ferry.network;

import java.util.List;
import java.util.Map;

/**
 * A VPC security group with its rules, one peer per rule (see {@link SecurityGroupRule}).
 *
 * @param groupId     the group
 * @param name        its name, unique in its VPC
 * @param description its description
 * @param vpcId       its VPC
 * @param tags        its tags
 * @param ingress     rules for incoming traffic
 * @param egress      rules for outgoing traffic
 */
public record SecurityGroup(String groupId, String name, String description, String vpcId,
                            Map<String, String> tags, List<SecurityGroupRule> ingress,
                            List<SecurityGroupRule> egress) {

    public SecurityGroup {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
    }

    /** The rules of one direction. */
    public List<SecurityGroupRule> rules(RuleDirection direction) {
        return direction == RuleDirection.INGRESS ? ingress : egress;
    }

    /** The value of a tag, or null. */
    public String tag(String key) {
        return tags.get(key);
    }
}
