package dev.ferry.mgn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the controller reads of an MGN source server.
 *
 * @param id                 source server ID
 * @param arn                its ARN (the one EventBridge events carry in {@code resources})
 * @param hostname           from {@code sourceProperties.identificationHints.hostname}, or null
 * @param awsInstanceId      from {@code sourceProperties.identificationHints.awsInstanceID}, or null
 * @param lifecycle          {@code lifeCycle.state}
 * @param replication        {@code dataReplicationInfo.dataReplicationState}, or null
 * @param replicationError   {@code dataReplicationInfo.dataReplicationError.error}, or null
 * @param lag                {@code dataReplicationInfo.lagDuration}; null until the server is launchable
 * @param archived           {@code isArchived}
 * @param launchedInstanceId {@code launchedInstance.ec2InstanceID}, or null
 * @param applicationId      {@code applicationID}: the MGN application the server is in, or null
 */
public record SourceServer(String id, String arn, String hostname, String awsInstanceId, LifecycleState lifecycle,
                           String replication, String replicationError, Duration lag, boolean archived,
                           String launchedInstanceId, String applicationId) {

    /** A server in no MGN application. */
    public SourceServer(String id, String arn, String hostname, String awsInstanceId, LifecycleState lifecycle,
                        String replication, String replicationError, Duration lag, boolean archived,
                        String launchedInstanceId) {
        this(id, arn, hostname, awsInstanceId, lifecycle, replication, replicationError, lag, archived,
                launchedInstanceId, null);
    }

    /** Whether MGN can launch a test or cutover instance for it (lag is known). */
    public boolean isLaunchable() {
        return lag != null;
    }

    public boolean isStalled() {
        return "STALLED".equals(replication);
    }

    /** The non-archived source servers that replicate each EC2 instance, from a region's whole list. */
    public static Map<String, List<SourceServer>> replicatingByInstance(List<SourceServer> servers) {
        return servers.stream()
                .filter(server -> server.awsInstanceId() != null && !server.archived())
                .collect(Collectors.groupingBy(SourceServer::awsInstanceId));
    }
}
