package dev.ferry.network;

import dev.ferry.wave.LaunchSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the launch settings a wave leaves out from the source instance, so that a wave can be as
 * short as a list of instance IDs and a subnet map: the instance type is the source's, the subnet
 * is the one the wave maps the source's availability zone to, the security groups are the copies
 * of the source's groups. Whatever the wave (or the server) sets wins. Pure.
 */
public final class LaunchFromSource {

    private LaunchFromSource() {
    }

    /**
     * @param source                   the source instance
     * @param given                    the launch settings of the wave and server, or null
     * @param subnetByAvailabilityZone target subnet by source availability zone, from the wave
     * @param targetGroupBySource      the copy of each source security group, by source group ID
     * @throws LaunchDerivationException when the subnet or a group is needed and has no mapping
     */
    public static LaunchSettings derive(SourceInstance source, LaunchSettings given,
                                        Map<String, String> subnetByAvailabilityZone,
                                        Map<String, String> targetGroupBySource) {
        LaunchSettings settings = given == null ? LaunchSettings.none() : given;
        String instanceType = settings.instanceType() != null ? settings.instanceType() : source.instanceType();
        String subnetId = settings.subnetId() != null ? settings.subnetId() : subnet(source, subnetByAvailabilityZone);
        List<String> groups = settings.securityGroupIds() != null
                ? settings.securityGroupIds()
                : groups(source, targetGroupBySource);
        return new LaunchSettings(instanceType, settings.rightSizing(), subnetId, groups, settings.keyName(),
                settings.associatePublicIp(), settings.copyPrivateIp(), settings.copyTags(), settings.tags(),
                settings.launchDisposition());
    }

    private static String subnet(SourceInstance source, Map<String, String> subnetByAvailabilityZone) {
        String subnet = subnetByAvailabilityZone == null ? null : subnetByAvailabilityZone.get(source.availabilityZone());
        if (subnet == null) {
            throw new LaunchDerivationException("The wave names no subnet for " + source.instanceId()
                    + " and maps no target subnet to its availability zone " + source.availabilityZone()
                    + "; add " + source.availabilityZone() + " to the wave's subnet map");
        }
        return subnet;
    }

    private static List<String> groups(SourceInstance source, Map<String, String> targetGroupBySource) {
        List<String> groups = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String sourceGroup : source.securityGroupIds()) {
            String copy = targetGroupBySource == null ? null : targetGroupBySource.get(sourceGroup);
            if (copy == null) {
                missing.add(sourceGroup);
            } else {
                groups.add(copy);
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchDerivationException("The wave names no security groups for " + source.instanceId()
                    + " and its groups " + missing + " have no copy in the target VPC");
        }
        return groups;
    }
}
