package dev.ferry.local.rehearsal.environment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.cloud.ec2.Ec2Resources;
import dev.ferry.local.cloud.ec2.GroupRule;
import dev.ferry.local.cloud.ec2.GroupRule.PeerKind;
import dev.ferry.local.cloud.ec2.InstanceSpec;
import dev.ferry.local.cloud.ec2.KeyPairSpec;
import dev.ferry.local.cloud.ec2.OpenSshPublicKey;
import dev.ferry.local.cloud.ec2.RegionResources;
import dev.ferry.local.cloud.ec2.RuleChecks;
import dev.ferry.local.cloud.ec2.SecurityGroupSpec;
import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.local.cloud.iam.IamSimulator;
import dev.ferry.local.cloud.iam.InstanceProfileSpec;
import dev.ferry.local.cloud.iam.RoleSpec;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the {@code ec2} and {@code iam} sections of an environment file into {@link ResourceEnvironment}, strictly:
 * unknown fields, malformed IDs, rules EC2 would refuse, and references to what is not there (an instance's group
 * in another region or VPC, a rule's group, an instance profile or its role) are all reported, with their paths.
 */
final class ResourceEnvironmentReader {

    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d[a-z]");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern PLATFORM = Pattern.compile("LINUX|WINDOWS");
    private static final Pattern NAME_255 = Pattern.compile("[^\\p{Cntrl}]{1,255}");
    private static final Pattern GROUP_NAME = Pattern.compile("(?!sg-)[^\\p{Cntrl}]{1,255}");
    private static final Pattern TEXT_255 = Pattern.compile("[^\\p{Cntrl}]{0,255}");
    private static final Pattern PROTOCOL = Pattern.compile("(?i)tcp|udp|icmp|icmpv6|all|-1|\\d{1,3}");
    private static final Pattern ANYTHING = Pattern.compile("(?s).*");
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern PROFILE_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final int TAG_KEY = 128;
    private static final int TAG_VALUE = 256;

    private final List<String> problems = new ArrayList<>();
    /** The group IDs rules of the region being read refer to, checked once all its groups are read. */
    private final List<GroupReference> groupReferences = new ArrayList<>();

    ResourceEnvironment read(JsonNode root) {
        String accountId = root.path("accountId").asText("");
        String sourceRegion = root.path("sourceRegion").asText("");
        String targetRegion = root.path("targetRegion").asText("");
        IamResources iam = ObjectReader.section(root, "iam", problems).map(this::readIam).orElse(IamResources.NONE);
        Ec2Resources ec2 = Ec2Resources.NONE;
        Optional<ObjectReader> ec2Section = ObjectReader.section(root, "ec2", problems);
        if (ec2Section.isPresent()) {
            ObjectReader section = ec2Section.get();
            section.rejectUnknownFields("source", "target");
            Set<String> profileNames = new HashSet<>();
            iam.instanceProfiles().forEach(profile -> profileNames.add(profile.name()));
            RegionResources source = section.optionalObject("source")
                    .map(fields -> readRegion(fields, sourceRegion, accountId, profileNames)).orElse(RegionResources.NONE);
            RegionResources target = section.optionalObject("target")
                    .map(fields -> readRegion(fields, targetRegion, accountId, profileNames)).orElse(RegionResources.NONE);
            if (sourceRegion.equals(targetRegion)) {
                checkOneRegion(source, target);
            }
            ec2 = new Ec2Resources(source, target);
        }
        if (!problems.isEmpty()) {
            throw new InvalidResourcesException(problems);
        }
        return new ResourceEnvironment(ec2, iam);
    }

    private RegionResources readRegion(ObjectReader region, String regionName, String accountId, Set<String> profileNames) {
        region.rejectUnknownFields("vpcIds", "securityGroups", "instances", "keyPairs");
        List<String> vpcIds = region.stringArray("vpcIds", false, true, VPC_ID, "\"vpc-\" and 8 to 17 hex digits");
        Map<String, SecurityGroupSpec> groups = new LinkedHashMap<>();
        groupReferences.clear();
        Set<String> namesInVpcs = new HashSet<>();
        for (ObjectReader fields : region.objectArray("securityGroups", false, true)) {
            SecurityGroupSpec group = readGroup(fields);
            if (groups.containsKey(group.groupId())) {
                fields.problem("groupId", "duplicates another group's " + group.groupId());
            }
            if (!namesInVpcs.add(group.vpcId() + "/" + group.groupName())) {
                fields.problem("groupName", "VPC " + group.vpcId() + " has another group named " + group.groupName());
            }
            groups.put(group.groupId(), group);
        }
        groupReferences.stream().filter(reference -> !groups.containsKey(reference.groupId())).forEach(reference ->
                problems.add(reference.path() + ": " + reference.groupId() + " is not a security group of " + regionName
                        + " in this environment"));
        List<InstanceSpec> instances = new ArrayList<>();
        Set<String> instanceIds = new HashSet<>();
        for (ObjectReader fields : region.objectArray("instances", false, true)) {
            InstanceSpec instance = readInstance(fields, regionName, accountId, profileNames, groups);
            if (!instanceIds.add(instance.instanceId())) {
                fields.problem("instanceId", "duplicates another instance's " + instance.instanceId());
            }
            instances.add(instance);
        }
        List<KeyPairSpec> keyPairs = new ArrayList<>();
        Set<String> keyNames = new HashSet<>();
        for (ObjectReader fields : region.objectArray("keyPairs", false, true)) {
            fields.rejectUnknownFields("keyName", "publicKey");
            String keyName = fields.requiredString("keyName", NAME_255, "a name of 1 to 255 characters");
            String publicKey = fields.requiredString("publicKey", ANYTHING, "a public key");
            if (fields.has("publicKey") && OpenSshPublicKey.read(publicKey).isEmpty()) {
                fields.problem("publicKey", "is not an RSA or ED25519 public key in OpenSSH or RFC 4716 form, "
                        + "the only keys EC2 imports");
            }
            if (!keyName.isEmpty() && !keyNames.add(keyName)) {
                fields.problem("keyName", "duplicates another key pair's " + keyName);
            }
            keyPairs.add(new KeyPairSpec(keyName, publicKey));
        }
        return new RegionResources(vpcIds, List.copyOf(groups.values()), instances, keyPairs);
    }

    private SecurityGroupSpec readGroup(ObjectReader group) {
        group.rejectUnknownFields("groupId", "groupName", "description", "vpcId", "tags", "ingress", "egress");
        String groupId = group.requiredString("groupId", GROUP_ID, "\"sg-\" and 8 to 17 hex digits");
        String name = group.requiredString("groupName", GROUP_NAME, "a name of 1 to 255 characters not starting with sg-");
        String description = group.requiredString("description", NAME_255, "a description of 1 to 255 characters");
        String vpcId = group.requiredString("vpcId", VPC_ID, "\"vpc-\" and 8 to 17 hex digits");
        Map<String, String> tags = group.stringMap("tags", TAG_KEY, TAG_VALUE);
        List<GroupRule> ingress = readRules(group, "ingress");
        // A group without an egress list has EC2's default one: all traffic out.
        List<GroupRule> egress = group.has("egress") ? readRules(group, "egress") : List.of(GroupRule.allTrafficToAnywhere());
        return new SecurityGroupSpec(groupId, name, description, vpcId, tags, ingress, egress);
    }

    private List<GroupRule> readRules(ObjectReader group, String direction) {
        List<GroupRule> rules = new ArrayList<>();
        for (ObjectReader rule : group.objectArray(direction, false, true)) {
            rule.rejectUnknownFields("protocol", "fromPort", "toPort", "cidrs", "ipv6Cidrs", "prefixListIds", "groupIds",
                    "description");
            String protocol = rule.requiredString("protocol", PROTOCOL, "tcp, udp, icmp, icmpv6, -1 (all) or a protocol number");
            Integer from = rule.optionalWholeNumber("fromPort", -1, 65_535).map(Long::intValue).orElse(null);
            Integer to = rule.optionalWholeNumber("toPort", -1, 65_535).map(Long::intValue).orElse(null);
            String description = rule.optionalString("description", TEXT_255, "at most 255 characters").orElse(null);
            if (!protocol.isEmpty()) {
                RuleChecks.trafficProblem(protocol, from, to).ifPresent(problem -> rule.problem("protocol", problem));
            }
            int before = rules.size();
            for (PeerField peers : PeerField.values()) {
                List<String> values = rule.stringArray(peers.field, false, true, ANYTHING, "");
                for (int i = 0; i < values.size(); i++) {
                    String peer = values.get(i);
                    int index = i;
                    String path = rule.fieldPath(peers.field) + "[" + index + "]";
                    RuleChecks.peerProblem(peers.kind, peer).ifPresent(problem -> problems.add(path + ": " + problem));
                    if (peers.kind == PeerKind.GROUP) {
                        groupReferences.add(new GroupReference(path, peer));
                    }
                    rules.add(new GroupRule(protocol, from, to, peers.kind, peer, description));
                }
            }
            if (rules.size() == before) {
                rule.problem("cidrs", "a rule needs at least one peer in cidrs, ipv6Cidrs, prefixListIds or groupIds");
            }
        }
        return rules;
    }

    private InstanceSpec readInstance(ObjectReader instance, String regionName, String accountId, Set<String> profileNames,
                                      Map<String, SecurityGroupSpec> groups) {
        instance.rejectUnknownFields("instanceId", "instanceType", "platform", "availabilityZone", "subnetId", "vpcId",
                "privateIp", "securityGroupIds", "keyName", "instanceProfile", "tags");
        String instanceId = instance.requiredString("instanceId", INSTANCE_ID, "\"i-\" and 8 to 17 hex digits");
        String type = instance.requiredString("instanceType", INSTANCE_TYPE, "an instance type such as t3.small");
        String platform = instance.optionalString("platform", PLATFORM, "LINUX or WINDOWS").orElse(null);
        String zone = instance.requiredString("availabilityZone", ZONE, "an availability zone such as us-east-1a");
        if (!zone.isEmpty() && !regionName.isEmpty() && !zone.startsWith(regionName)) {
            instance.problem("availabilityZone", zone + " is not a zone of " + regionName);
        }
        String subnetId = instance.requiredString("subnetId", SUBNET_ID, "\"subnet-\" and 8 to 17 hex digits");
        String vpcId = instance.requiredString("vpcId", VPC_ID, "\"vpc-\" and 8 to 17 hex digits");
        String privateIp = instance.requiredString("privateIp", IPV4, "an IPv4 address");
        List<String> groupIds = instance.stringArray("securityGroupIds", false, true, GROUP_ID,
                "\"sg-\" and 8 to 17 hex digits");
        for (int i = 0; i < groupIds.size(); i++) {
            SecurityGroupSpec group = groups.get(groupIds.get(i));
            String path = instance.fieldPath("securityGroupIds") + "[" + i + "]: ";
            if (group == null) {
                problems.add(path + groupIds.get(i) + " is not a security group of " + regionName + " in this environment");
            } else if (!group.vpcId().equals(vpcId)) {
                problems.add(path + groupIds.get(i) + " is in " + group.vpcId() + ", not in the instance's VPC " + vpcId);
            }
        }
        String keyName = instance.optionalString("keyName", NAME_255, "a key pair name of 1 to 255 characters")
                .orElse(null);
        String profile = instance.optionalString("instanceProfile", PROFILE_NAME, "an instance profile name")
                .orElse(null);
        if (profile != null && !profileNames.contains(profile)) {
            instance.problem("instanceProfile", profile + " is not an instance profile of iam.instanceProfiles");
        }
        Map<String, String> tags = instance.stringMap("tags", TAG_KEY, TAG_VALUE);
        String profileArn = profile == null ? null : "arn:aws:iam::" + accountId + ":instance-profile/" + profile;
        return new InstanceSpec(instanceId, type, "WINDOWS".equals(platform), zone, subnetId, vpcId, privateIp, groupIds,
                keyName, profileArn, tags);
    }

    /** Source and target are one region: IDs and names must not clash between the two sections. */
    private void checkOneRegion(RegionResources source, RegionResources target) {
        Set<String> sourceGroups = new HashSet<>();
        source.securityGroups().forEach(group -> sourceGroups.add(group.groupId()));
        target.securityGroups().stream().filter(group -> sourceGroups.contains(group.groupId())).forEach(group ->
                problems.add("ec2.target.securityGroups: " + group.groupId() + " is also in ec2.source, and the source "
                        + "and target regions are the same"));
        Set<String> sourceKeys = new HashSet<>();
        source.keyPairs().forEach(pair -> sourceKeys.add(pair.keyName()));
        target.keyPairs().stream().filter(pair -> sourceKeys.contains(pair.keyName())).forEach(pair ->
                problems.add("ec2.target.keyPairs: " + pair.keyName() + " is also in ec2.source, and the source "
                        + "and target regions are the same"));
    }

    private IamResources readIam(ObjectReader iam) {
        iam.rejectUnknownFields("roles", "instanceProfiles");
        List<RoleSpec> roles = new ArrayList<>();
        Set<String> roleNames = new HashSet<>();
        for (ObjectReader role : iam.objectArray("roles", false, true)) {
            role.rejectUnknownFields("roleName", "attachedPolicyArns");
            String name = role.requiredString("roleName", IAM_NAME, "a role name of 1 to 64 letters, digits and +=,.@_-");
            List<String> arns = role.stringArray("attachedPolicyArns", false, true, ANYTHING, "");
            for (int i = 0; i < arns.size(); i++) {
                if (!IamSimulator.isManagedPolicyArn(arns.get(i))) {
                    problems.add(role.fieldPath("attachedPolicyArns") + "[" + i + "]: must be a managed policy ARN such as "
                            + "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore, got \"" + arns.get(i) + "\"");
                }
            }
            if (new HashSet<>(arns).size() > IamSimulator.POLICIES_PER_ROLE) {
                role.problem("attachedPolicyArns", "holds more than IAM's quota of " + IamSimulator.POLICIES_PER_ROLE
                        + " managed policies per role");
            }
            if (!name.isEmpty() && !roleNames.add(name)) {
                role.problem("roleName", "duplicates another role's " + name);
            }
            roles.add(new RoleSpec(name, arns));
        }
        List<InstanceProfileSpec> profiles = new ArrayList<>();
        Set<String> profileNames = new HashSet<>();
        for (ObjectReader profile : iam.objectArray("instanceProfiles", false, true)) {
            profile.rejectUnknownFields("name", "roleName");
            String name = profile.requiredString("name", PROFILE_NAME, "a name of 1 to 128 letters, digits and +=,.@_-");
            String roleName = profile.requiredString("roleName", IAM_NAME, "a role name");
            if (!roleName.isEmpty() && !roleNames.contains(roleName)) {
                profile.problem("roleName", roleName + " is not a role of iam.roles");
            }
            if (!name.isEmpty() && !profileNames.add(name)) {
                profile.problem("name", "duplicates another instance profile's " + name);
            }
            profiles.add(new InstanceProfileSpec(name, roleName));
        }
        return new IamResources(roles, profiles);
    }

    private record GroupReference(String path, String groupId) {
    }

    /** The peer lists of a rule in the file. */
    private enum PeerField {
        CIDRS("cidrs", PeerKind.IPV4_RANGE),
        IPV6_CIDRS("ipv6Cidrs", PeerKind.IPV6_RANGE),
        PREFIX_LISTS("prefixListIds", PeerKind.PREFIX_LIST),
        GROUPS("groupIds", PeerKind.GROUP);

        private final String field;
        private final PeerKind kind;

        PeerField(String field, PeerKind kind) {
            this.field = field;
            this.kind = kind;
        }
    }
}
