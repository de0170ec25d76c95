package dev.ferry.local.mgn.environment;

import java.util.List;
import java.util.Optional;

/**
 * A source server of the simulated world.
 *
 * @param sourceServerId   the MGN source server ID to use; generated when empty
 * @param hostname         host name the agent reports
 * @param sourceInstanceId EC2 instance ID of the source, reported as {@code identificationHints.awsInstanceID}
 * @param os               operating system family
 * @param disks            disks to replicate, at least one
 * @param cpus             CPU cores the agent reports
 * @param ramGiB           memory the agent reports, in GiB
 * @param agentInstalled   whether the replication agent is installed (and registered) from the start
 * @param faults           faults injected into this server's migration
 */
public record ServerSpec(Optional<String> sourceServerId, String hostname, String sourceInstanceId,
                         OperatingSystem os, List<DiskSpec> disks, int cpus, double ramGiB,
                         boolean agentInstalled, ServerFaults faults) {

    public ServerSpec {
        disks = List.copyOf(disks);
    }

    /** Total bytes of all disks: what the initial sync has to copy. */
    public long totalDiskBytes() {
        return disks.stream().mapToLong(DiskSpec::sizeBytes).sum();
    }
}
