package dev.ferry.stage;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.JobCapacity;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.mgn.SourceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts servers back to a lifecycle state from which MGN can launch them again, and terminates the
 * instances they launched. Safe to repeat: the current lifecycle is read first, a conflict after a
 * change means an earlier attempt already made it, and a server already in a terminate job started
 * since its launch is not sent again. Terminations take room in MGN's account-wide job quotas as
 * launches do; what finds no room is left to the stage's retry, queued behind the active jobs.
 */
public final class InstanceRollback {

    /** MGN refuses TerminateTargetInstances for a server in these states. */
    private static final Set<LifecycleState> NO_TERMINATE =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.CUTTING_OVER, LifecycleState.CUTOVER);

    /** The states a launch leaves a server in; others (CUTOVER above all: finalized) are left alone. */
    private static final Set<LifecycleState> ROLLED_BACK_FROM =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.READY_FOR_CUTOVER, LifecycleState.CUTTING_OVER);

    private static final int MGN_PARALLELISM = 10;
    /** How far back jobs are read: what still runs in the account, and this stage's earlier terminations. */
    private static final Duration JOBS_LOOKBACK = Duration.ofDays(1);
    /** MGN stamps jobs with its own clock; a job a moment "before" the launch may still be after it. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceRollback.class);

    private final MgnGateway mgn;
    private final Clock clock;

    public InstanceRollback(MgnGateway mgn, Clock clock) {
        this.mgn = mgn;
        this.clock = clock;
    }

    /**
     * Moves each server to {@code target} (unless it is there or cannot go back), then terminates
     * the launched instances of those MGN lets terminate.
     *
     * @param serverIds  the servers
     * @param target     READY_FOR_TEST or READY_FOR_CUTOVER
     * @param launchedAt when the launch of each server whose instance Ferry recorded started (MGN's
     *                   own {@code launchedInstance} counts too, as launched within the lookback)
     * @throws MgnQuotaExceededException when MGN's job quotas leave no room for some terminations;
     *                                   a retry terminates them without repeating the others
     */
    public void rollBack(List<String> serverIds, LifecycleState target, Map<String, Instant> launchedAt) {
        if (serverIds.isEmpty()) {
            return;
        }
        Map<String, SourceServer> current = mgn.describeSourceServers(serverIds).stream()
                .collect(Collectors.toMap(SourceServer::id, Function.identity()));
        List<SourceServer> known = serverIds.stream().filter(current::containsKey).map(current::get).toList();
        serverIds.stream().filter(id -> !current.containsKey(id))
                .forEach(id -> LOG.warn("Server {} is not in MGN any more; nothing to roll back", id));

        List<LifecycleState> after = Concurrently.map(known, MGN_PARALLELISM, server -> moveTo(server, target));
        List<String> toTerminate = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            SourceServer server = known.get(i);
            boolean launched = server.launchedInstanceId() != null || launchedAt.containsKey(server.id());
            if (launched && !NO_TERMINATE.contains(after.get(i))) {
                toTerminate.add(server.id());
            }
        }
        terminate(toTerminate, launchedAt);
    }

    private LifecycleState moveTo(SourceServer server, LifecycleState target) {
        LifecycleState lifecycle = server.lifecycle();
        if (lifecycle == target || !ROLLED_BACK_FROM.contains(lifecycle)) {
            return lifecycle;
        }
        try {
            mgn.changeLifecycleState(server.id(), target);
            LOG.info("Server {} moved from {} to {}", server.id(), lifecycle, target);
        } catch (MgnConflictException alreadyChanged) {
            LOG.info("Server {} refused the move to {} ({}); taken as already done", server.id(), target,
                    alreadyChanged.getMessage());
        }
        return target;
    }

    private void terminate(List<String> serverIds, Map<String, Instant> launchedAt) {
        if (serverIds.isEmpty()) {
            return;
        }
        Instant lookback = clock.instant().minus(JOBS_LOOKBACK);
        Instant from = launchedAt.values().stream().map(at -> at.minus(CLOCK_TOLERANCE))
                .reduce(lookback, (one, other) -> one.isBefore(other) ? one : other);
        List<Job> jobs = mgn.jobsSince(from);
        List<String> remaining = serverIds.stream()
                .filter(id -> !inTerminateJobSince(jobs, id, launchedAt.getOrDefault(id, lookback)))
                .toList();
        JobCapacity capacity = JobCapacity.leftBy(jobs);
        for (int next = 0; next < remaining.size(); ) {
            int size = capacity.nextBatch(remaining.size() - next);
            if (size == 0) {
                throw queued(remaining.size() - next, capacity, null);
            }
            List<String> batch = remaining.subList(next, next + size);
            try {
                terminateBatch(batch);
            } catch (MgnQuotaExceededException full) {
                // Other jobs took the room since it was counted; the retry finds the earlier batches terminated.
                throw queued(remaining.size() - next, capacity, full);
            }
            capacity.started(batch.size());
            next += size;
        }
    }

    private void terminateBatch(List<String> batch) {
        try {
            mgn.terminateTargetInstances(batch);
        } catch (MgnConflictException oneRefused) {
            // One server in an active job (an earlier terminate, say) refuses the whole batch;
            // the others still deserve their termination.
            terminateOneByOne(batch);
        }
    }

    /** Whether a terminate job started after the server's launch includes it: its instance is being terminated. */
    private static boolean inTerminateJobSince(List<Job> jobs, String serverId, Instant launched) {
        return jobs.stream()
                .filter(job -> "TERMINATE".equals(job.type()))
                .filter(job -> job.createdAt() == null || !job.createdAt().isBefore(launched.minus(CLOCK_TOLERANCE)))
                .anyMatch(job -> job.participants().stream().anyMatch(p -> p.sourceServerId().equals(serverId)));
    }

    private static MgnQuotaExceededException queued(int servers, JobCapacity capacity, MgnQuotaExceededException cause) {
        String message = servers + " servers' instances wait to be terminated: queued behind "
                + capacity.serversInActiveJobs() + " servers in " + capacity.activeJobs()
                + " active MGN jobs; the stage is retried once they finish";
        LOG.info(message);
        return new MgnQuotaExceededException(message, cause);
    }

    private void terminateOneByOne(Collection<String> serverIds) {
        for (String serverId : serverIds) {
            try {
                mgn.terminateTargetInstances(List.of(serverId));
            } catch (MgnConflictException refused) {
                LOG.info("MGN refused to terminate the instance of {} ({}); taken as already done", serverId,
                        refused.getMessage());
            }
        }
    }
}
