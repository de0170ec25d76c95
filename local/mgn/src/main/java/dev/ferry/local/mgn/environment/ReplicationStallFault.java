package dev.ferry.local.mgn.environment;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes the initial sync of a server stall once, part-way through.
 *
 * @param atPercent      share of the initial sync already copied when the stall happens, in [0, 100)
 * @param recoversAfter  how long until replication recovers by itself; empty when it never does
 * @param retryFixes     whether a {@code RetryDataReplication} call ends the stall
 * @param error          the {@code dataReplicationError.error} value MGN reports while stalled
 */
public record ReplicationStallFault(double atPercent, Optional<Duration> recoversAfter, boolean retryFixes,
                                    String error) {
}
