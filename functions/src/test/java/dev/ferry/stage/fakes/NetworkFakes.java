package dev.ferry.stage.fakes;

import dev.ferry.network.FerryTags;
import dev.ferry.network.Platform;
import dev.ferry.network.RuleDirection;
import dev.ferry.network.SecurityGroup;
import dev.ferry.network.SecurityGroupPlan;
import dev.ferry.network.SecurityGroupRule;
import dev.ferry.network.SourceEc2;
import dev.ferry.network.SourceInstance;
import dev.ferry.network.TargetKeyPair;
import dev.ferry.network.TargetNetwork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EC2 of the source and the target region in memory, for the network stage. */
public final class NetworkFakes {

    private NetworkFakes() {
    }

    /** A source instance of type {@code type} in {@code zone} with these groups. */
    public static SourceInstance instance(String instanceId, String type, String zone, String... groups) {
        return new SourceInstance(instanceId, type, "subnet-0aaaaaaaaaaaaaaa1", zone, "vpc-0source00000000001",
                List.of(groups), null, Platform.LINUX, null, Map.of());
    }

    /** A source group of the source VPC with these ingress rules and EC2's usual egress rule. */
    public static SecurityGroup group(String groupId, String name, SecurityGroupRule... ingress) {
        return new SecurityGroup(groupId, name, name + " group", "vpc-0source00000000001", Map.of(), List.of(ingress),
                List.of(SecurityGroupRule.allTraffic(new dev.ferry.network.RulePeer.Ipv4Range("0.0.0.0/0"))));
    }

    /** The source region's instances and groups. */
    public static final class FakeSourceEc2 implements SourceEc2 {

        private final Map<String, SourceInstance> instances = new LinkedHashMap<>();
        private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();

        public FakeSourceEc2 with(SourceInstance instance) {
            instances.put(instance.instanceId(), instance);
            return this;
        }

        public FakeSourceEc2 with(SecurityGroup group) {
            groups.put(group.groupId(), group);
            return this;
        }

        @Override
        public Map<String, SourceInstance> describeInstances(Collection<String> instanceIds) {
            Map<String, SourceInstance> found = new LinkedHashMap<>();
            instanceIds.stream().filter(instances::containsKey).forEach(id -> found.put(id, instances.get(id)));
            return found;
        }

        @Override
        public List<SecurityGroup> describeSecurityGroups(Collection<String> groupIds) {
            return groupIds.stream().filter(groups::containsKey).map(groups::get).toList();
        }
    }

    /** The target region's groups and key pairs, with every creation and import recorded. */
    public static final class FakeTargetNetwork implements TargetNetwork {

        private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        private final Map<String, TargetKeyPair> keyPairs = new HashMap<>();
        private final List<String> createdGroupNames = new ArrayList<>();
        private final List<String> importedKeys = new ArrayList<>();
        private int nextGroup = 1;

        public FakeTargetNetwork withKeyPair(String keyName) {
            keyPairs.put(keyName, new TargetKeyPair(keyName, "key-0" + keyName.hashCode(), "fingerprint"));
            return this;
        }

        /** Names of the groups created, in order. */
        public List<String> createdGroupNames() {
            return List.copyOf(createdGroupNames);
        }

        /** Public keys imported, in order. */
        public List<String> importedKeys() {
            return List.copyOf(importedKeys);
        }

        /** A rule added by hand to a copy after Ferry made it. */
        public void addIngressByHand(String groupId, SecurityGroupRule rule) {
            SecurityGroup group = groups.get(groupId);
            List<SecurityGroupRule> ingress = new ArrayList<>(group.ingress());
            ingress.add(rule);
            groups.put(groupId, new SecurityGroup(group.groupId(), group.name(), group.description(), group.vpcId(),
                    group.tags(), ingress, group.egress()));
        }

        @Override
        public List<SecurityGroup> findFerryGroups(String vpcId, Collection<String> sourceGroupIds) {
            return groups.values().stream()
                    .filter(group -> group.vpcId().equals(vpcId))
                    .filter(group -> sourceGroupIds.contains(group.tag(FerryTags.SOURCE_GROUP)))
                    .toList();
        }

        @Override
        public Optional<SecurityGroup> describeGroup(String groupId) {
            return Optional.ofNullable(groups.get(groupId));
        }

        @Override
        public String createGroup(String vpcId, SecurityGroupPlan.GroupToCreate group) {
            String id = "sg-%017x".formatted(0xfeed0000L + nextGroup++);
            createdGroupNames.add(group.name());
            groups.put(id, new SecurityGroup(id, group.name(), group.description(), vpcId, group.tags(), List.of(),
                    List.of(SecurityGroupRule.allTraffic(new dev.ferry.network.RulePeer.Ipv4Range("0.0.0.0/0")))));
            return id;
        }

        @Override
        public void authorize(String groupId, RuleDirection direction, List<SecurityGroupRule> rules) {
            change(groupId, direction, rules, true);
        }

        @Override
        public void revoke(String groupId, RuleDirection direction, List<SecurityGroupRule> rules) {
            change(groupId, direction, rules, false);
        }

        @Override
        public void tag(String groupId, Map<String, String> tags) {
            SecurityGroup group = groups.get(groupId);
            Map<String, String> all = new HashMap<>(group.tags());
            all.putAll(tags);
            groups.put(groupId, new SecurityGroup(group.groupId(), group.name(), group.description(), group.vpcId(),
                    all, group.ingress(), group.egress()));
        }

        @Override
        public Optional<TargetKeyPair> findKeyPair(String keyName) {
            return Optional.ofNullable(keyPairs.get(keyName));
        }

        @Override
        public TargetKeyPair importKeyPair(String keyName, String publicKey, Map<String, String> tags) {
            importedKeys.add(publicKey);
            return keyPairs.computeIfAbsent(keyName, name -> new TargetKeyPair(name, "key-0imported", "fingerprint"));
        }

        private void change(String groupId, RuleDirection direction, List<SecurityGroupRule> rules, boolean add) {
            SecurityGroup group = groups.get(groupId);
            List<SecurityGroupRule> ingress = new ArrayList<>(group.ingress());
            List<SecurityGroupRule> egress = new ArrayList<>(group.egress());
            List<SecurityGroupRule> changed = direction == RuleDirection.INGRESS ? ingress : egress;
            for (SecurityGroupRule rule : rules) {
                changed.removeIf(rule::allowsSameAs);
                if (add) {
                    changed.add(rule);
                }
            }
            groups.put(groupId, new SecurityGroup(group.groupId(), group.name(), group.description(), group.vpcId(),
                    group.tags(), ingress, egress));
        }
    }
}
