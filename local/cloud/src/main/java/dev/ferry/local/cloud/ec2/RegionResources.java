package dev.ferry.local.cloud.ec2;

import java.util.List;
import java.util.stream.Stream;

/**
 * What exists in one region's EC2 before the rehearsal starts. The region's VPCs are those listed and
 * those its groups and instances are in.
 *
 * @param vpcIds         VPCs with nothing in them yet (e.g. the target VPC security groups are copied into)
 * @param securityGroups security groups with their rules
 * @param instances      running instances
 * @param keyPairs       key pairs
 */
public record RegionResources(List<String> vpcIds, List<SecurityGroupSpec> securityGroups,
                              List<InstanceSpec> instances, List<KeyPairSpec> keyPairs) {

    /** A region with nothing in it. */
    public static final RegionResources NONE = new RegionResources(List.of(), List.of(), List.of(), List.of());

    public RegionResources {
        vpcIds = List.copyOf(vpcIds);
        securityGroups = List.copyOf(securityGroups);
        instances = List.copyOf(instances);
        keyPairs = List.copyOf(keyPairs);
    }

    /** Both regions' resources as one, for an environment whose source and target regions are the same. */
    public RegionResources with(RegionResources other) {
        return new RegionResources(concat(vpcIds, other.vpcIds), concat(securityGroups, other.securityGroups),
                concat(instances, other.instances), concat(keyPairs, other.keyPairs));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
