package dev.ferry.local.mgn.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A server's data replication as {@code DescribeSourceServers} reports it at one instant.
 *
 * @param state             {@code dataReplicationState}
 * @param lag               {@code lagDuration}; empty until replication is CONTINUOUS
 * @param eta               {@code etaDateTime}; present while the initial sync makes progress
 * @param lastSnapshot      {@code lastSnapshotDateTime}; present once the first snapshot exists
 * @param disks             {@code replicatedDisks}
 * @param error             {@code dataReplicationError.error} while STALLED
 * @param initiatedAt       {@code dataReplicationInitiation.startDateTime}
 * @param initiationSteps   {@code dataReplicationInitiation.steps}
 * @param firstByteAt       {@code lifeCycle.firstByteDateTime}
 * @param lastSeenByService {@code lifeCycle.lastSeenByServiceDateTime}
 */
public record ReplicationView(DataReplicationState state, Optional<Duration> lag, Optional<Instant> eta,
                              Optional<Instant> lastSnapshot, List<DiskProgress> disks, Optional<String> error,
                              Instant initiatedAt, List<InitiationStep> initiationSteps,
                              Optional<Instant> firstByteAt, Instant lastSeenByService) {

    /**
     * One entry of {@code replicatedDisks}.
     *
     * @param deviceName  the device
     * @param totalBytes  {@code totalStorageBytes}
     * @param replicated  {@code replicatedStorageBytes}
     * @param backlogged  {@code backloggedStorageBytes}
     */
    public record DiskProgress(String deviceName, long totalBytes, long replicated, long backlogged) {
    }

    /**
     * One entry of {@code dataReplicationInitiation.steps}.
     *
     * @param name   step name, e.g. LAUNCH_REPLICATION_SERVER
     * @param status NOT_STARTED, IN_PROGRESS or SUCCEEDED
     */
    public record InitiationStep(String name, String status) {
    }
}
