package dev.ferry.wave;

import java.util.Map;

/**
 * The replication configuration template created when the target region has none (walkthrough
 * step 2). Null fields take the defaults of {@link #withDefaults()}.
 *
 * @param stagingAreaSubnetId           subnet for replication servers; required to create a template
 * @param replicationServerInstanceType e.g. {@code t3.small}
 * @param stagingDiskType               GP2, GP3 or ST1
 * @param dataPlaneRouting              PRIVATE_IP or PUBLIC_IP
 * @param createPublicIp                whether replication servers get a public IP
 * @param bandwidthThrottlingMbps       0 for no limit
 * @param stagingAreaTags               tags on staging resources
 */
public record ReplicationSettings(
        String stagingAreaSubnetId,
        String replicationServerInstanceType,
        String stagingDiskType,
        String dataPlaneRouting,
        Boolean createPublicIp,
        Long bandwidthThrottlingMbps,
        Map<String, String> stagingAreaTags) {

    public ReplicationSettings {
        stagingAreaTags = stagingAreaTags == null ? Map.of() : Map.copyOf(stagingAreaTags);
    }

    /** These settings with every unset field given the walkthrough's value. */
    public ReplicationSettings withDefaults() {
        return new ReplicationSettings(
                stagingAreaSubnetId,
                replicationServerInstanceType != null ? replicationServerInstanceType : "t3.small",
                stagingDiskType != null ? stagingDiskType : "GP3",
                dataPlaneRouting != null ? dataPlaneRouting : "PRIVATE_IP",
                createPublicIp != null ? createPublicIp : Boolean.FALSE,
                bandwidthThrottlingMbps != null ? bandwidthThrottlingMbps : 0L,
                stagingAreaTags);
    }
}
