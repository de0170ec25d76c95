package dev.ferry.wave;

import java.util.List;
import java.util.Map;

/** Reads the {@code replication} object of a wave definition: the template to create when the region has none. */
final class ReplicationSettingsParser {

    static final List<String> FIELDS = List.of("stagingAreaSubnetId", "replicationServerInstanceType",
            "stagingDiskType", "dataPlaneRouting", "createPublicIp", "bandwidthThrottlingMbps", "stagingAreaTags");
    static final List<String> DISK_TYPES = List.of("GP2", "GP3", "ST1");
    static final List<String> ROUTINGS = List.of("PRIVATE_IP", "PUBLIC_IP");

    private ReplicationSettingsParser() {
    }

    /** The replication settings in {@code parent.field}; all unset (MGN's walkthrough defaults) when absent. */
    static ReplicationSettings parse(ObjectFields parent, String field) {
        ObjectFields replication = parent.object(field, FIELDS);
        if (replication == null) {
            return new ReplicationSettings(null, null, null, null, null, null, null);
        }
        Problems problems = replication.problems();
        String subnetId = replication.text("stagingAreaSubnetId");
        if (subnetId != null) {
            AwsNames.subnetId(subnetId, replication.pathOf("stagingAreaSubnetId"), problems);
        }
        String instanceType = replication.text("replicationServerInstanceType");
        if (instanceType != null) {
            AwsNames.instanceType(instanceType, replication.pathOf("replicationServerInstanceType"), problems);
        }
        String diskType = replication.oneOf("stagingDiskType", DISK_TYPES);
        String routing = replication.oneOf("dataPlaneRouting", ROUTINGS);
        Boolean createPublicIp = replication.bool("createPublicIp");
        Long bandwidth = replication.wholeNumber("bandwidthThrottlingMbps");
        if (bandwidth != null && bandwidth < 0) {
            problems.add(replication.pathOf("bandwidthThrottlingMbps"),
                    "must be 0 (no limit) or a positive number of Mbps, not " + bandwidth);
        }
        Map<String, String> tags = replication.textMap("stagingAreaTags");
        if (tags != null) {
            AwsNames.tags(tags, replication.pathOf("stagingAreaTags"), problems);
        }
        return new ReplicationSettings(subnetId, instanceType, diskType, routing, createPublicIp, bandwidth, tags);
    }
}
