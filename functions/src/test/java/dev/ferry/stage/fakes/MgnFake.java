package dev.ferry.stage.fakes;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.mgn.SourceServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A small model of MGN's source servers with the rules the late stages depend on: lifecycle
 * changes, TerminateTargetInstances refused in TESTING, CUTTING_OVER and CUTOVER, FinalizeCutover
 * and MarkAsArchived. {@link #gateway()} is a Mockito-backed {@link MgnGateway} over the model;
 * every call that changes something is logged in {@link #calls()}.
 */
public final class MgnFake {

    private static final Set<LifecycleState> NO_TERMINATE =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.CUTTING_OVER, LifecycleState.CUTOVER);

    private final Map<String, Server> servers = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Set<String> conflictsAfterChange = new HashSet<>();
    private final List<String> calls = new ArrayList<>();
    private final List<List<String>> terminateRequests = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private Instant now = Instant.EPOCH;
    private final MgnGateway gateway = mock(MgnGateway.class);
    private int describeCalls;

    public MgnFake() {
        when(gateway.describeSourceServers(anyCollection())).thenAnswer(call -> describe(call.getArgument(0)));
        doAnswer(call -> {
            changeLifecycle(call.getArgument(0), call.getArgument(1));
            return null;
        }).when(gateway).changeLifecycleState(anyString(), any());
        when(gateway.terminateTargetInstances(anyList())).thenAnswer(call -> terminate(call.getArgument(0)));
        when(gateway.jobsSince(any())).thenAnswer(call -> jobsSince(call.getArgument(0)));
        doAnswer(call -> {
            finalizeCutover(call.getArgument(0));
            return null;
        }).when(gateway).finalizeCutover(anyString());
        doAnswer(call -> {
            markAsArchived(call.getArgument(0));
            return null;
        }).when(gateway).markAsArchived(anyString());
    }

    public MgnGateway gateway() {
        return gateway;
    }

    /** Adds a replicating server in this lifecycle state, with this launched instance (or null). */
    public MgnFake server(String id, LifecycleState lifecycle, String launchedInstanceId) {
        servers.put(id, new Server(lifecycle, "CONTINUOUS", false, launchedInstanceId));
        return this;
    }

    /** Adds a server MGN has already finalized (and maybe archived). */
    public MgnFake finalizedServer(String id, boolean archived) {
        servers.put(id, new Server(LifecycleState.CUTOVER, "DISCONNECTED", archived, null));
        return this;
    }

    /** Makes every call of {@code operation} for {@code serverId} throw. */
    public MgnFake failing(String operation, String serverId, RuntimeException failure) {
        failures.put(operation + " " + serverId, failure);
        return this;
    }

    /**
     * Makes every call of {@code operation} for {@code serverId} change MGN's state and then answer
     * with a conflict, as a call retried after an earlier attempt succeeded unseen.
     */
    public MgnFake conflictingAfterChange(String operation, String serverId) {
        conflictsAfterChange.add(operation + " " + serverId);
        return this;
    }

    /** Jobs started from now on are stamped with this time (the epoch until told). */
    public synchronized MgnFake at(Instant time) {
        now = time;
        return this;
    }

    /** Every job started so far finishes, freeing its room in MGN's job quotas. */
    public synchronized void finishJobs() {
        jobs.replaceAll(job -> new Job(job.id(), job.type(), job.initiatedBy(), "COMPLETED", job.createdAt(),
                job.participants()));
    }

    public LifecycleState lifecycle(String id) {
        return servers.get(id).lifecycle;
    }

    public boolean isArchived(String id) {
        return servers.get(id).archived;
    }

    /** Whether the server's launched instance was terminated. */
    public boolean instanceTerminated(String id) {
        return servers.get(id).instanceTerminated;
    }

    /** Changing calls, as "operation serverId [argument]", in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The server IDs of every TerminateTargetInstances request, refused ones included. */
    public synchronized List<List<String>> terminateRequests() {
        return List.copyOf(terminateRequests);
    }

    public synchronized int describeCalls() {
        return describeCalls;
    }

    private synchronized List<SourceServer> describe(Collection<String> ids) {
        describeCalls++;
        return ids.stream().filter(servers::containsKey).map(id -> servers.get(id).view(id)).toList();
    }

    private synchronized void changeLifecycle(String id, LifecycleState target) {
        calls.add("changeLifecycleState " + id + " " + target);
        failIfAsked("changeLifecycleState", id);
        servers.get(id).lifecycle = target;
        conflictIfAsked("changeLifecycleState", id);
    }

    private synchronized Job terminate(List<String> ids) {
        terminateRequests.add(List.copyOf(ids));
        calls.add("terminateTargetInstances " + String.join(",", ids));
        for (String id : ids) {
            failIfAsked("terminateTargetInstances", id);
            if (NO_TERMINATE.contains(servers.get(id).lifecycle)) {
                throw new MgnConflictException(id + " is " + servers.get(id).lifecycle, null);
            }
        }
        if (activeServers() + ids.size() > 200) {
            throw new MgnQuotaExceededException("200 servers across active jobs", null);
        }
        ids.forEach(id -> servers.get(id).instanceTerminated = servers.get(id).launchedInstanceId != null);
        Job job = new Job("mgnjob-terminate" + terminateRequests.size(), "TERMINATE", "TERMINATE", "PENDING", now,
                ids.stream().map(id -> new Job.Participant(id, "PENDING", null)).toList());
        jobs.add(job);
        return job;
    }

    private synchronized List<Job> jobsSince(Instant from) {
        return jobs.stream().filter(job -> !job.createdAt().isBefore(from)).toList();
    }

    private int activeServers() {
        return jobs.stream().filter(Job::isActive).mapToInt(job -> job.participants().size()).sum();
    }

    private synchronized void finalizeCutover(String id) {
        calls.add("finalizeCutover " + id);
        failIfAsked("finalizeCutover", id);
        Server server = servers.get(id);
        server.lifecycle = LifecycleState.CUTOVER;
        server.replication = "DISCONNECTED";
        conflictIfAsked("finalizeCutover", id);
    }

    private synchronized void markAsArchived(String id) {
        calls.add("markAsArchived " + id);
        failIfAsked("markAsArchived", id);
        Server server = servers.get(id);
        if (server.lifecycle != LifecycleState.CUTOVER && !"DISCONNECTED".equals(server.replication)) {
            throw new MgnConflictException(id + " is neither finalized nor disconnected", null);
        }
        server.archived = true;
    }

    private void failIfAsked(String operation, String id) {
        RuntimeException failure = failures.get(operation + " " + id);
        if (failure != null) {
            throw failure;
        }
    }

    private void conflictIfAsked(String operation, String id) {
        if (conflictsAfterChange.contains(operation + " " + id)) {
            throw new MgnConflictException(operation + " conflicts with the server's state", null);
        }
    }

    private static final class Server {
        private LifecycleState lifecycle;
        private String replication;
        private boolean archived;
        private final String launchedInstanceId;
        private boolean instanceTerminated;

        private Server(LifecycleState lifecycle, String replication, boolean archived, String launchedInstanceId) {
            this.lifecycle = lifecycle;
            this.replication = replication;
            this.archived = archived;
            this.launchedInstanceId = launchedInstanceId;
        }

        private SourceServer view(String id) {
            return new SourceServer(id, "arn:aws:mgn:eu-central-1:111122223333:source-server/" + id, id + ".local",
                    null, lifecycle, replication, null, Duration.ofSeconds(1), archived, launchedInstanceId);
        }
    }
}
