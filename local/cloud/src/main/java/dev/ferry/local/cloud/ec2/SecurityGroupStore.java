package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.ec2.SimulatedSecurityGroup.Direction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security groups of one simulated region, with EC2's rules: names are unique in a VPC, a new group lets
 * all traffic out, adding a rule that is there already or removing one that is not fails the whole call and
 * changes nothing, and a rule may only name a group of the same region.
 */
final class SecurityGroupStore {

    private final String ownerId;
    private final Ec2Ids ids;
    private final Set<String> vpcIds;
    private final Map<String, SimulatedSecurityGroup> groups = new LinkedHashMap<>();

    /**
     * @param ownerId the account that owns the groups
     * @param ids     where new group IDs come from
     * @param vpcIds  the region's VPCs (a live set: groups of the environment add theirs)
     */
    SecurityGroupStore(String ownerId, Ec2Ids ids, Set<String> vpcIds) {
        this.ownerId = ownerId;
        this.ids = ids;
        this.vpcIds = vpcIds;
    }

    /** Adds a group of the environment, with exactly its rules. */
    synchronized void add(SecurityGroupSpec spec) {
        SimulatedSecurityGroup group = new SimulatedSecurityGroup(spec.groupId(), spec.groupName(), spec.description(),
                spec.vpcId(), ownerId);
        group.tags().putAll(spec.tags());
        group.rules(Direction.INGRESS).addAll(spec.ingress());
        group.rules(Direction.EGRESS).addAll(spec.egress());
        groups.put(spec.groupId(), group);
        vpcIds.add(spec.vpcId());
    }

    /**
     * Creates a group in a VPC, with the egress rule EC2 gives every new group.
     *
     * @throws Ec2Exception {@code InvalidGroup.Duplicate} when the VPC has a group of that name,
     *                      {@code InvalidVpcID.NotFound} for a VPC the region does not have
     */
    synchronized SimulatedSecurityGroup create(String name, String description, String vpcId, Map<String, String> tags) {
        if (!vpcIds.contains(vpcId)) {
            throw new Ec2Exception("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
        }
        if (name.startsWith("sg-")) {
            throw Ec2Exception.invalidParameterValue("Group names may not be in the format sg-*.");
        }
        boolean taken = groups.values().stream().anyMatch(group -> group.vpcId().equals(vpcId) && group.name().equals(name));
        if (taken) {
            throw new Ec2Exception("InvalidGroup.Duplicate", "The security group '" + name
                    + "' already exists for VPC '" + vpcId + "'");
        }
        SimulatedSecurityGroup group = new SimulatedSecurityGroup(ids.next("sg", groups::containsKey), name,
                description, vpcId, ownerId);
        group.tags().putAll(tags);
        group.rules(Direction.EGRESS).add(GroupRule.allTrafficToAnywhere());
        groups.put(group.groupId(), group);
        return group.snapshot();
    }

    /** Every group, as it is now, in the order they were made. */
    synchronized List<SimulatedSecurityGroup> all() {
        return groups.values().stream().map(SimulatedSecurityGroup::snapshot).toList();
    }

    /** A group, or EC2's {@code InvalidGroup.NotFound}. */
    synchronized SimulatedSecurityGroup get(String groupId) {
        return live(groupId).snapshot();
    }

    synchronized boolean exists(String groupId) {
        return groups.containsKey(groupId);
    }

    /**
     * Adds rules, all or none.
     *
     * @throws Ec2Exception {@code InvalidPermission.Duplicate} when one is there already,
     *                      {@code InvalidGroup.NotFound} when one names a group the region does not have
     */
    synchronized void authorize(String groupId, Direction direction, List<GroupRule> rules) {
        SimulatedSecurityGroup group = live(groupId);
        List<GroupRule> current = group.rules(direction);
        List<GroupRule> added = new ArrayList<>();
        for (GroupRule rule : rules) {
            if (rule.peerKind() == GroupRule.PeerKind.GROUP && !groups.containsKey(rule.peer())) {
                throw notFound(rule.peer());
            }
            boolean there = current.stream().anyMatch(rule::sameTrafficAs);
            if (there) {
                throw new Ec2Exception("InvalidPermission.Duplicate", "the specified rule \"peer: " + rule.peer()
                        + ", " + rule.text() + "\" already exists");
            }
            if (added.stream().noneMatch(rule::sameTrafficAs)) {
                added.add(rule);
            }
        }
        current.addAll(added);
    }

    /**
     * Removes rules, all or none; a rule matches whatever its description.
     *
     * @throws Ec2Exception {@code InvalidPermission.NotFound} when one is not there (EC2's answer in a VPC
     *                      that is not the default one, which is every VPC of the simulation)
     */
    synchronized void revoke(String groupId, Direction direction, List<GroupRule> rules) {
        List<GroupRule> current = live(groupId).rules(direction);
        for (GroupRule rule : rules) {
            if (current.stream().noneMatch(rule::sameTrafficAs)) {
                throw new Ec2Exception("InvalidPermission.NotFound", "The specified rule does not exist in this "
                        + "security group.");
            }
        }
        rules.forEach(rule -> current.removeIf(rule::sameTrafficAs));
    }

    /** Adds or replaces tags. */
    synchronized void tag(String groupId, Map<String, String> tags) {
        live(groupId).tags().putAll(tags);
    }

    private SimulatedSecurityGroup live(String groupId) {
        SimulatedSecurityGroup group = groups.get(groupId);
        if (group == null) {
            throw notFound(groupId);
        }
        return group;
    }

    private static Ec2Exception notFound(String groupId) {
        return new Ec2Exception("InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
    }
}
