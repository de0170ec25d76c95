package dev.ferry.wave;

import java.util.List;
import java.util.Map;

/**
 * How a server's test and cutover instances are launched: the MGN launch configuration and the
 * EC2 launch template version Ferry writes (walkthrough step 5). Any field may be null, meaning
 * "keep what MGN has"; {@link #overriddenBy(LaunchSettings)} layers a server's settings on the wave's.
 *
 * @param instanceType      EC2 instance type; when set, right-sizing is turned off so MGN keeps it
 * @param rightSizing       NONE or BASIC, used when no instance type is given
 * @param subnetId          target subnet
 * @param securityGroupIds  target security groups
 * @param keyName           key pair name in the target region
 * @param associatePublicIp whether the instance gets a public IP
 * @param copyPrivateIp     whether the instance keeps the source's private IP
 * @param copyTags          whether the source's tags are copied
 * @param tags              extra tags on the launched instance
 * @param launchDisposition STARTED or STOPPED
 */
public record LaunchSettings(
        String instanceType,
        String rightSizing,
        String subnetId,
        List<String> securityGroupIds,
        String keyName,
        Boolean associatePublicIp,
        Boolean copyPrivateIp,
        Boolean copyTags,
        Map<String, String> tags,
        String launchDisposition) {

    public LaunchSettings {
        securityGroupIds = securityGroupIds == null ? null : List.copyOf(securityGroupIds);
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /** Settings where nothing is set. */
    public static LaunchSettings none() {
        return new LaunchSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with every field the override sets taken from the override. */
    public LaunchSettings overriddenBy(LaunchSettings override) {
        if (override == null) {
            return this;
        }
        return new LaunchSettings(
                pick(override.instanceType, instanceType),
                pick(override.rightSizing, rightSizing),
                pick(override.subnetId, subnetId),
                pick(override.securityGroupIds, securityGroupIds),
                pick(override.keyName, keyName),
                pick(override.associatePublicIp, associatePublicIp),
                pick(override.copyPrivateIp, copyPrivateIp),
                pick(override.copyTags, copyTags),
                pick(override.tags, tags),
                pick(override.launchDisposition, launchDisposition));
    }

    /** Whether the EC2 launch template needs a new version for these settings. */
    public boolean changesLaunchTemplate() {
        return instanceType != null || subnetId != null || securityGroupIds != null
                || keyName != null || associatePublicIp != null || tags != null;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
