package dev.ferry.local.cloud.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A security group of the simulated EC2 with its rules and tags; its store guards every change. */
final class SimulatedSecurityGroup {

    private final String groupId;
    private final String name;
    private final String description;
    private final String vpcId;
    private final String ownerId;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<GroupRule> ingress = new ArrayList<>();
    private final List<GroupRule> egress = new ArrayList<>();

    SimulatedSecurityGroup(String groupId, String name, String description, String vpcId, String ownerId) {
        this.groupId = groupId;
        this.name = name;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    String groupId() {
        return groupId;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    String vpcId() {
        return vpcId;
    }

    String ownerId() {
        return ownerId;
    }

    Map<String, String> tags() {
        return tags;
    }

    /** The live rules of one direction. */
    List<GroupRule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** A copy that later changes do not affect, for answering outside the store's lock. */
    SimulatedSecurityGroup snapshot() {
        SimulatedSecurityGroup copy = new SimulatedSecurityGroup(groupId, name, description, vpcId, ownerId);
        copy.tags.putAll(tags);
        copy.ingress.addAll(ingress);
        copy.egress.addAll(egress);
        return copy;
    }

    /** Which way a rule lets traffic through. */
    enum Direction {
        INGRESS, EGRESS
    }
}
