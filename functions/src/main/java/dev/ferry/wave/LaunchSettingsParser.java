package dev.ferry.wave;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ferry.wave.ObjectFields.quote;

/** Reads a {@code launch} object (the wave's, or a server's override) of a wave definition. */
final class LaunchSettingsParser {

    static final List<String> FIELDS = List.of("instanceType", "rightSizing", "subnetId", "securityGroupIds",
            "keyName", "associatePublicIp", "copyPrivateIp", "copyTags", "tags", "launchDisposition");
    static final List<String> RIGHT_SIZING = List.of("NONE", "BASIC");
    static final List<String> LAUNCH_DISPOSITIONS = List.of("STARTED", "STOPPED");

    /** EC2's ceiling for security groups on one network interface (the default quota is 5). */
    static final int MAX_SECURITY_GROUPS = 16;
    static final int MAX_KEY_NAME = 255;

    private LaunchSettingsParser() {
    }

    /** The launch settings in {@code parent.field}, or null when the field is absent or not an object. */
    static LaunchSettings parse(ObjectFields parent, String field) {
        ObjectFields launch = parent.object(field, FIELDS);
        if (launch == null) {
            return null;
        }
        Problems problems = launch.problems();
        String instanceType = launch.text("instanceType");
        if (instanceType != null) {
            AwsNames.instanceType(instanceType, launch.pathOf("instanceType"), problems);
        }
        String rightSizing = launch.oneOf("rightSizing", RIGHT_SIZING);
        if (instanceType != null && "BASIC".equals(rightSizing)) {
            problems.add(launch.pathOf("rightSizing"), "BASIC lets MGN choose the instance type, which conflicts with "
                    + "instanceType " + quote(instanceType) + "; leave out one of them");
        }
        String subnetId = launch.text("subnetId");
        if (subnetId != null) {
            AwsNames.subnetId(subnetId, launch.pathOf("subnetId"), problems);
        }
        List<String> securityGroupIds = securityGroups(launch);
        String keyName = launch.text("keyName");
        if (keyName != null && (keyName.isEmpty() || keyName.length() > MAX_KEY_NAME)) {
            problems.add(launch.pathOf("keyName"), "a key pair name must be 1 to " + MAX_KEY_NAME + " characters long");
        }
        Boolean associatePublicIp = launch.bool("associatePublicIp");
        Boolean copyPrivateIp = launch.bool("copyPrivateIp");
        Boolean copyTags = launch.bool("copyTags");
        Map<String, String> tags = launch.textMap("tags");
        if (tags != null) {
            AwsNames.tags(tags, launch.pathOf("tags"), problems);
        }
        String launchDisposition = launch.oneOf("launchDisposition", LAUNCH_DISPOSITIONS);
        return new LaunchSettings(instanceType, rightSizing, subnetId, securityGroupIds, keyName, associatePublicIp,
                copyPrivateIp, copyTags, tags, launchDisposition);
    }

    private static List<String> securityGroups(ObjectFields launch) {
        List<String> ids = launch.texts("securityGroupIds");
        if (ids == null) {
            return null;
        }
        String path = launch.pathOf("securityGroupIds");
        Problems problems = launch.problems();
        if (ids.isEmpty()) {
            problems.add(path, "must list at least one security group; leave the field out to keep the launch template's");
        } else if (ids.size() > MAX_SECURITY_GROUPS) {
            problems.add(path, "lists " + ids.size() + " security groups; a network interface takes at most "
                    + MAX_SECURITY_GROUPS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            AwsNames.securityGroupId(id, path + "[" + i + "]", problems);
            if (!seen.add(id)) {
                problems.add(path + "[" + i + "]", quote(id) + " is listed twice");
            }
        }
        return ids;
    }
}
