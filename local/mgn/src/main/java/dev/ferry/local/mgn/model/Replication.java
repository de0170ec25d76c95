package dev.ferry.local.mgn.model;

import dev.ferry.local.mgn.environment.DiskSpec;
import dev.ferry.local.mgn.environment.ReplicationStallFault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data replication of one registered server: INITIATING, INITIAL_SYNC (possibly interrupted by one STALL),
 * CREATING_SNAPSHOT, then CONTINUOUS until it is DISCONNECTED. Progress is computed from the virtual time, so
 * only state changes need scheduling.
 */
final class Replication {

    /** What a time-driven transition did, for the lifecycle and the events. */
    enum Change { PROGRESSED, STALLED, RECOVERED, BECAME_CONTINUOUS }

    private static final List<String> INITIATION_STEPS = List.of("WAIT", "CREATE_SECURITY_GROUP",
            "LAUNCH_REPLICATION_SERVER", "BOOT_REPLICATION_SERVER", "AUTHENTICATE_WITH_SERVICE",
            "DOWNLOAD_REPLICATION_SOFTWARE", "CREATE_STAGING_DISKS", "ATTACH_STAGING_DISKS",
            "PAIR_REPLICATION_SERVER_WITH_AGENT", "CONNECT_AGENT_TO_REPLICATION_SERVER", "START_DATA_TRANSFER");

    private final List<DiskSpec> disks;
    private final long totalBytes;
    private final double bytesPerSecond;
    private final Optional<ReplicationStallFault> stallFault;
    private final Instant initiatedAt;

    private DataReplicationState state = DataReplicationState.INITIATING;
    private Instant phaseStartedAt;
    /** Bytes copied when the current INITIAL_SYNC stretch began (non-zero after a stall). */
    private long syncedAtPhaseStart;
    private boolean stallPending;
    private Instant firstByteAt;
    private Instant continuousSince;
    private Instant stalledAt;
    private Instant disconnectedAt;

    Replication(List<DiskSpec> disks, double bytesPerSecond, Optional<ReplicationStallFault> stallFault,
                Instant initiatedAt) {
        this.disks = List.copyOf(disks);
        this.totalBytes = disks.stream().mapToLong(DiskSpec::sizeBytes).sum();
        this.bytesPerSecond = bytesPerSecond;
        this.stallFault = stallFault;
        this.initiatedAt = initiatedAt;
        this.phaseStartedAt = initiatedAt;
        this.stallPending = stallFault.isPresent();
    }

    DataReplicationState state() {
        return state;
    }

    /** Whether {@code lagDuration} is reported: the condition for launching and lifecycle changes. */
    boolean hasLag() {
        return state == DataReplicationState.CONTINUOUS;
    }

    Optional<Instant> nextTransition() {
        return switch (state) {
            case INITIATING -> Optional.of(initiatedAt.plus(MgnTimings.INITIATING));
            case INITIAL_SYNC -> Optional.of(phaseStartedAt.plus(MgnTimings.transferTime(
                    nextSyncMilestoneBytes() - syncedAtPhaseStart, bytesPerSecond)));
            case STALLED -> stallFault.flatMap(ReplicationStallFault::recoversAfter).map(stalledAt::plus);
            case CREATING_SNAPSHOT -> Optional.of(phaseStartedAt.plus(MgnTimings.CREATING_SNAPSHOT));
            case CONTINUOUS, DISCONNECTED -> Optional.empty();
        };
    }

    /** Applies the transition due at {@code at} (the time {@link #nextTransition()} gave). */
    Change advance(Instant at) {
        switch (state) {
            case INITIATING -> {
                firstByteAt = at;
                startSyncing(at, 0);
                return Change.PROGRESSED;
            }
            case INITIAL_SYNC -> {
                if (stallPending && nextSyncMilestoneBytes() < totalBytes) {
                    stallPending = false;
                    syncedAtPhaseStart = stallBytes();
                    stalledAt = at;
                    state = DataReplicationState.STALLED;
                    return Change.STALLED;
                }
                state = DataReplicationState.CREATING_SNAPSHOT;
                phaseStartedAt = at;
                return Change.PROGRESSED;
            }
            case STALLED -> {
                startSyncing(at, syncedAtPhaseStart);
                return Change.RECOVERED;
            }
            case CREATING_SNAPSHOT -> {
                state = DataReplicationState.CONTINUOUS;
                continuousSince = at;
                return Change.BECAME_CONTINUOUS;
            }
            default -> throw new IllegalStateException("no transition is due in " + state);
        }
    }

    /** Handles {@code RetryDataReplication}; true when the retry ended the stall. */
    boolean retry(Instant at) {
        if (stallFault.map(ReplicationStallFault::retryFixes).orElse(false)) {
            startSyncing(at, syncedAtPhaseStart);
            return true;
        }
        return false;
    }

    void disconnect(Instant at) {
        state = DataReplicationState.DISCONNECTED;
        disconnectedAt = at;
    }

    ReplicationView view(Instant now) {
        return new ReplicationView(state, hasLag() ? Optional.of(MgnTimings.CONTINUOUS_LAG) : Optional.empty(),
                eta(), lastSnapshot(now), diskProgress(now), error(), initiatedAt, initiationSteps(now),
                Optional.ofNullable(firstByteAt), lastSeenByService(now));
    }

    private void startSyncing(Instant at, long alreadySynced) {
        state = DataReplicationState.INITIAL_SYNC;
        phaseStartedAt = at;
        syncedAtPhaseStart = alreadySynced;
    }

    /** The byte count at which the current sync stretch ends: the stall point, or the end of the disks. */
    private long nextSyncMilestoneBytes() {
        return stallPending ? Math.max(stallBytes(), syncedAtPhaseStart) : totalBytes;
    }

    private long stallBytes() {
        return stallFault.map(fault -> Math.round(totalBytes * fault.atPercent() / 100)).orElse(totalBytes);
    }

    private long syncedBytes(Instant now) {
        return switch (state) {
            case INITIATING -> 0;
            case INITIAL_SYNC -> {
                double elapsedSeconds = Duration.between(phaseStartedAt, now).toMillis() / 1000.0;
                long copied = syncedAtPhaseStart + (long) (elapsedSeconds * bytesPerSecond);
                yield Math.min(copied, nextSyncMilestoneBytes());
            }
            case STALLED -> syncedAtPhaseStart;
            case CREATING_SNAPSHOT, CONTINUOUS, DISCONNECTED -> totalBytes;
        };
    }

    private List<ReplicationView.DiskProgress> diskProgress(Instant now) {
        if (state == DataReplicationState.DISCONNECTED) {
            return List.of();
        }
        long synced = syncedBytes(now);
        List<ReplicationView.DiskProgress> progress = new ArrayList<>();
        for (DiskSpec disk : disks) {
            // Every disk is copied in parallel, at its share of the bandwidth.
            long replicated = synced == totalBytes ? disk.sizeBytes()
                    : (long) ((double) disk.sizeBytes() * synced / totalBytes);
            progress.add(new ReplicationView.DiskProgress(disk.device(), disk.sizeBytes(), replicated, 0));
        }
        return progress;
    }

    private Optional<Instant> eta() {
        if (state != DataReplicationState.INITIAL_SYNC) {
            return Optional.empty();
        }
        return Optional.of(phaseStartedAt.plus(MgnTimings.transferTime(totalBytes - syncedAtPhaseStart,
                bytesPerSecond)));
    }

    private Optional<Instant> lastSnapshot(Instant now) {
        if (state != DataReplicationState.CONTINUOUS) {
            return Optional.empty();
        }
        long intervals = Duration.between(continuousSince, now).dividedBy(MgnTimings.SNAPSHOT_INTERVAL);
        return Optional.of(continuousSince.plus(MgnTimings.SNAPSHOT_INTERVAL.multipliedBy(intervals)));
    }

    private Optional<String> error() {
        return state == DataReplicationState.STALLED
                ? stallFault.map(ReplicationStallFault::error)
                : Optional.empty();
    }

    private List<ReplicationView.InitiationStep> initiationSteps(Instant now) {
        int succeeded = INITIATION_STEPS.size();
        if (state == DataReplicationState.INITIATING) {
            double share = (double) Duration.between(initiatedAt, now).toMillis() / MgnTimings.INITIATING.toMillis();
            succeeded = Math.min(INITIATION_STEPS.size() - 1, (int) (share * INITIATION_STEPS.size()));
        }
        List<ReplicationView.InitiationStep> steps = new ArrayList<>();
        for (int i = 0; i < INITIATION_STEPS.size(); i++) {
            String status = i < succeeded ? "SUCCEEDED" : i == succeeded ? "IN_PROGRESS" : "NOT_STARTED";
            steps.add(new ReplicationView.InitiationStep(INITIATION_STEPS.get(i), status));
        }
        return steps;
    }

    private Instant lastSeenByService(Instant now) {
        if (state == DataReplicationState.DISCONNECTED) {
            return disconnectedAt;
        }
        boolean agentSilent = state == DataReplicationState.STALLED
                && stallFault.map(fault -> fault.error().equals("AGENT_NOT_SEEN")).orElse(false);
        return agentSilent ? stalledAt : now;
    }
}
