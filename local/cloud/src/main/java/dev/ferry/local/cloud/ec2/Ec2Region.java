package dev.ferry.local.cloud.ec2;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * EC2 in one region of the simulation: its VPCs, security groups, key pairs, instances (the environment's and
 * MGN's) and MGN's launch templates. Nothing of one region is seen from another, as in EC2.
 */
final class Ec2Region {

    private final String name;
    private final String accountId;
    private final Clock clock;
    private final SecurityGroupStore groups;
    private final KeyPairStore keyPairs;
    private final InstanceStore instances;
    private final LaunchTemplates templates;

    private Ec2Region(String name, String accountId, Clock clock, SecurityGroupStore groups, KeyPairStore keyPairs,
                      InstanceStore instances, LaunchTemplates templates) {
        this.name = name;
        this.accountId = accountId;
        this.clock = clock;
        this.groups = groups;
        this.keyPairs = keyPairs;
        this.instances = instances;
        this.templates = templates;
    }

    /**
     * A region holding the environment's resources.
     *
     * @param launched      the instances MGN launched here (none outside the target region)
     * @param templateNames the names of the launch templates MGN made here, by ID
     * @param profileIds    IAM's ID of an instance profile, by ARN
     */
    static Ec2Region of(String name, String accountId, Clock clock, RegionResources resources,
                        Supplier<List<SimulatedInstance>> launched, Function<String, Optional<String>> templateNames,
                        Function<String, Optional<String>> profileIds) {
        Ec2Ids ids = new Ec2Ids(name);
        Set<String> vpcIds = new LinkedHashSet<>(resources.vpcIds());
        resources.instances().forEach(instance -> vpcIds.add(instance.vpcId()));
        SecurityGroupStore groups = new SecurityGroupStore(accountId, ids, vpcIds);
        resources.securityGroups().forEach(groups::add);
        KeyPairStore keyPairs = new KeyPairStore(ids);
        resources.keyPairs().forEach(pair -> keyPairs.importKey(pair.keyName(), pair.publicKey(), Map.of(),
                clock.instant()));
        InstanceStore instances = new InstanceStore(launched, profileIds, ids, clock);
        resources.instances().forEach(instances::add);
        return new Ec2Region(name, accountId, clock, groups, keyPairs, instances, new LaunchTemplates(templateNames));
    }

    String name() {
        return name;
    }

    String accountId() {
        return accountId;
    }

    Clock clock() {
        return clock;
    }

    SecurityGroupStore groups() {
        return groups;
    }

    KeyPairStore keyPairs() {
        return keyPairs;
    }

    InstanceStore instances() {
        return instances;
    }

    LaunchTemplates templates() {
        return templates;
    }

    /** The ARN of a resource of this region, e.g. {@code security-group/sg-...}. */
    String arn(String resource) {
        return "arn:aws:ec2:" + name + ":" + accountId + ":" + resource;
    }
}
