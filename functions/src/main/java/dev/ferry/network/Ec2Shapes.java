package dev.ferry.network;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Translates security groups, rules and tags between EC2's shapes and Ferry's records. */
final class Ec2Shapes {

    private Ec2Shapes() {
    }

    static SecurityGroup group(software.amazon.awssdk.services.ec2.model.SecurityGroup group) {
        return new SecurityGroup(group.groupId(), group.groupName(), group.description(), group.vpcId(),
                tags(group.tags()), rules(group.ipPermissions()), rules(group.ipPermissionsEgress()));
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    /** Tags sorted by key, so that the same tags always make the same request. */
    static List<Tag> tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }

    /** EC2's permissions, one rule per peer. */
    static List<SecurityGroupRule> rules(List<IpPermission> permissions) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            String protocol = permission.ipProtocol();
            Integer from = permission.fromPort();
            Integer to = permission.toPort();
            permission.ipRanges().forEach(range -> rules.add(new SecurityGroupRule(protocol, from, to,
                    new RulePeer.Ipv4Range(range.cidrIp()), range.description())));
            permission.ipv6Ranges().forEach(range -> rules.add(new SecurityGroupRule(protocol, from, to,
                    new RulePeer.Ipv6Range(range.cidrIpv6()), range.description())));
            permission.prefixListIds().forEach(list -> rules.add(new SecurityGroupRule(protocol, from, to,
                    new RulePeer.PrefixList(list.prefixListId()), list.description())));
            permission.userIdGroupPairs().forEach(pair -> rules.add(new SecurityGroupRule(protocol, from, to,
                    new RulePeer.GroupReference(pair.groupId()), pair.description())));
        }
        return rules;
    }

    /** One EC2 permission per rule. */
    static List<IpPermission> permissions(List<SecurityGroupRule> rules) {
        return rules.stream().map(Ec2Shapes::permission).toList();
    }

    static IpPermission permission(SecurityGroupRule rule) {
        IpPermission.Builder permission = IpPermission.builder()
                .ipProtocol(rule.protocol())
                .fromPort(rule.fromPort())
                .toPort(rule.toPort());
        String description = rule.description();
        switch (rule.peer()) {
            case RulePeer.Ipv4Range range ->
                    permission.ipRanges(IpRange.builder().cidrIp(range.cidr()).description(description).build());
            case RulePeer.Ipv6Range range ->
                    permission.ipv6Ranges(Ipv6Range.builder().cidrIpv6(range.cidr()).description(description).build());
            case RulePeer.PrefixList list -> permission.prefixListIds(
                    PrefixListId.builder().prefixListId(list.prefixListId()).description(description).build());
            case RulePeer.GroupReference group -> permission.userIdGroupPairs(
                    UserIdGroupPair.builder().groupId(group.groupId()).description(description).build());
        }
        return permission.build();
    }
}
