package dev.ferry.local.mgn.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.environment.ServerSpec;
import dev.ferry.local.mgn.events.MgnEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The simulated MGN service of one account and region. Every method runs under one lock, because API calls
 * arrive on HTTP threads while a scheduler advances time. Time only moves when {@link #advanceTo(Instant)} or an
 * API call ({@link #catchUpToClock()}) brings the model up to a given instant.
 */
public final class MgnService {

    /** Concurrent jobs (PENDING or STARTED) per account. */
    public static final int MAX_ACTIVE_JOBS = 20;
    /** Source servers across all active jobs. */
    public static final int MAX_SERVERS_IN_ACTIVE_JOBS = 200;

    private static final Set<LifeCycleState> TESTABLE = Set.of(LifeCycleState.READY_FOR_TEST,
            LifeCycleState.TESTING, LifeCycleState.READY_FOR_CUTOVER);
    private static final Set<LifeCycleState> CUTOVER_READY = Set.of(LifeCycleState.READY_FOR_TEST,
            LifeCycleState.TESTING, LifeCycleState.READY_FOR_CUTOVER, LifeCycleState.CUTTING_OVER);
    private static final Set<LifeCycleState> NOT_TERMINABLE = Set.of(LifeCycleState.TESTING,
            LifeCycleState.CUTTING_OVER, LifeCycleState.CUTOVER);

    private final ReentrantLock lock = new ReentrantLock();
    private final MgnEnvironment environment;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final EventOutbox outbox;
    private final InstanceRegistry instances;
    private final JobRunner jobRunner;
    /** Every server of the environment by source instance ID, with the source server ID it has in MGN. */
    private final Map<String, String> sourceServerIdByInstance = new LinkedHashMap<>();
    private final Map<String, ServerSpec> specsBySourceServerId = new LinkedHashMap<>();
    /** Registered servers, in registration order. */
    private final Map<String, SourceServer> servers = new LinkedHashMap<>();
    private final Map<String, LaunchJob> jobs = new LinkedHashMap<>();
    private final List<ObjectNode> replicationTemplates = new ArrayList<>();
    private final List<ApiCall> callLog = new ArrayList<>();
    private final Planning planning;
    private boolean initialized;
    private Instant now;

    /** Where launched instances' private IPs are when no other network is given: 127.0.10.1 on. */
    public static final String DEFAULT_INSTANCE_NETWORK = "127.0";

    public MgnService(MgnEnvironment environment, Clock clock) {
        this(environment, clock, DEFAULT_INSTANCE_NETWORK);
    }

    /** @param instanceNetwork the first two octets of launched instances' private IPs, e.g. {@code 127.0} */
    public MgnService(MgnEnvironment environment, Clock clock, String instanceNetwork) {
        this.instances = new InstanceRegistry(ids, instanceNetwork);
        this.environment = environment;
        this.clock = clock;
        this.now = clock.instant();
        this.outbox = new EventOutbox(ids, environment.accountId(), environment.targetRegion());
        this.jobRunner = new JobRunner(servers::get, instances, ids, outbox);
        this.initialized = environment.mgnInitialized();
        this.planning = new Planning("arn:aws:mgn:" + environment.targetRegion() + ":" + environment.accountId() + ":",
                this::sourceServer);
        assignSourceServerIds();
        for (ServerSpec spec : environment.servers()) {
            if (spec.agentInstalled()) {
                register(spec);
            }
        }
    }

    /** Runs {@code action} under the model's lock, so that a whole API request is atomic. */
    public <T> T exclusively(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public MgnEnvironment environment() {
        return environment;
    }

    /** The model's current virtual time. */
    public Instant now() {
        return exclusively(() -> now);
    }

    /** When the next time-driven transition is due, if any is pending. */
    public Optional<Instant> nextTransitionTime() {
        return exclusively(() -> earliestTransition().map(TimedTransition::at));
    }

    /**
     * Applies every transition due up to {@code target}, in time order, and returns the events emitted since the
     * previous call, including those emitted while serving API calls.
     */
    public List<MgnEvent> advanceTo(Instant target) {
        return exclusively(() -> {
            catchUpTo(target);
            return outbox.drain();
        });
    }

    /** Brings the model up to the clock, as every API call does before acting. */
    public void catchUpToClock() {
        exclusively(() -> {
            catchUpTo(clock.instant());
            return null;
        });
    }

    /**
     * Registers the replication agent of a source instance, as the installer does when it finishes. Installing
     * again on a disconnected server reconnects it and restarts replication.
     *
     * @return the source server ID
     * @throws IllegalArgumentException when the environment has no server with that instance ID
     * @throws IllegalStateException    when MGN is not initialised in the target region
     */
    public String registerAgent(String sourceInstanceId) {
        return exclusively(() -> {
            catchUpTo(clock.instant());
            String id = sourceServerIdOf(sourceInstanceId).orElseThrow(() -> new IllegalArgumentException(
                    "no source server with instance ID " + sourceInstanceId + " in the environment"));
            if (!initialized) {
                throw new IllegalStateException("the agent cannot register: MGN is not initialised in "
                        + environment.targetRegion());
            }
            SourceServer server = servers.get(id);
            if (server == null) {
                register(specsBySourceServerId.get(id));
            } else if (server.lifeCycle() == LifeCycleState.DISCONNECTED) {
                server.connectAgent(newReplication(server.spec()), now);
            }
            return id;
        });
    }

    /** The MGN source server ID of a source instance, whether its agent is registered yet or not. */
    public Optional<String> sourceServerIdOf(String sourceInstanceId) {
        return exclusively(() -> Optional.ofNullable(sourceServerIdByInstance.get(sourceInstanceId)));
    }

    /** The source server IDs of the environment's servers mapped to their specs, registered or not. */
    public Map<String, ServerSpec> serverSpecs() {
        return exclusively(() -> Map.copyOf(specsBySourceServerId));
    }

    /** The EC2 launch template MGN created for each registered server, by source server ID. */
    public Map<String, String> launchTemplateIds() {
        return exclusively(() -> servers.values().stream()
                .collect(Collectors.toUnmodifiableMap(SourceServer::id, SourceServer::launchTemplateId)));
    }

    public void initializeService() {
        exclusively(() -> initialized = true);
    }

    /** Refuses the call unless {@code InitializeService} was called. */
    public void requireInitialized() {
        exclusively(() -> {
            if (!initialized) {
                throw MgnApiException.uninitialized();
            }
            return null;
        });
    }

    public ObjectNode createReplicationTemplate(ObjectNode settings) {
        return exclusively(() -> {
            String id = ids.replicationTemplateId();
            ObjectNode template = JsonNodeFactory.instance.objectNode();
            template.put("replicationConfigurationTemplateID", id);
            template.put("arn", arn("replication-configuration-template", id));
            template.setAll(settings);
            replicationTemplates.add(template);
            return template.deepCopy();
        });
    }

    public List<ObjectNode> replicationTemplates() {
        return exclusively(() -> replicationTemplates.stream().map(ObjectNode::deepCopy).toList());
    }

    /** Registered servers, in registration order. */
    public List<SourceServer> sourceServers() {
        return exclusively(() -> List.copyOf(servers.values()));
    }

    public SourceServer sourceServer(String sourceServerId) {
        return exclusively(() -> {
            SourceServer server = servers.get(sourceServerId);
            if (server == null) {
                throw MgnApiException.notFound("Source server", sourceServerId);
            }
            return server;
        });
    }

    /** Starts a test, cutover or terminate job for the given servers; all are checked before any is touched. */
    public LaunchJob startJob(JobKind kind, List<String> sourceServerIds) {
        return exclusively(() -> {
            List<String> distinctIds = List.copyOf(new LinkedHashSet<>(sourceServerIds));
            List<SourceServer> participants = new ArrayList<>();
            for (String id : distinctIds) {
                SourceServer server = servers.get(id);
                if (server == null) {
                    throw MgnApiException.validation("Source server " + id + " does not exist");
                }
                checkCanJoin(kind, server);
                participants.add(server);
            }
            checkJobQuotas(distinctIds.size());
            String jobId = ids.jobId();
            LaunchJob job = new LaunchJob(jobId, arn("job", jobId), kind, now, distinctIds);
            jobs.put(jobId, job);
            kind.launches().ifPresent(launchKind -> participants.forEach(server -> {
                server.moveTo(launchKind == LaunchKind.TEST ? LifeCycleState.TESTING : LifeCycleState.CUTTING_OVER);
                server.initiate(launchKind, now, jobId);
            }));
            return job;
        });
    }

    public SourceServer changeLifeCycleState(String sourceServerId, LifeCycleState target) {
        return exclusively(() -> {
            SourceServer server = launchableServer(sourceServerId, "change its lifecycle state");
            LifeCycleState current = server.lifeCycle();
            if (target == LifeCycleState.CUTOVER) {
                requireSuccessfulCutover(server, "be marked CUTOVER");
                server.record(LaunchKind.CUTOVER, Milestone.Step.FINALIZED, now);
            } else if (CUTOVER_READY.contains(current)) {
                if (current == LifeCycleState.TESTING) {
                    server.record(LaunchKind.TEST, target == LifeCycleState.READY_FOR_CUTOVER
                            ? Milestone.Step.FINALIZED : Milestone.Step.REVERTED, now);
                } else if (current == LifeCycleState.CUTTING_OVER) {
                    server.record(LaunchKind.CUTOVER, Milestone.Step.REVERTED, now);
                }
            } else {
                throw MgnApiException.conflict(sourceServerId, "Source server " + sourceServerId
                        + " cannot move from " + current + " to " + target);
            }
            server.moveTo(target);
            return server;
        });
    }

    public SourceServer finalizeCutover(String sourceServerId) {
        return exclusively(() -> {
            SourceServer server = launchableServer(sourceServerId, "be finalized");
            requireSuccessfulCutover(server, "be finalized");
            server.record(LaunchKind.CUTOVER, Milestone.Step.FINALIZED, now);
            server.moveTo(LifeCycleState.CUTOVER);
            server.replicationProcess().disconnect(now);
            return server;
        });
    }

    public SourceServer markAsArchived(String sourceServerId) {
        return exclusively(() -> {
            SourceServer server = sourceServer(sourceServerId);
            if (server.lifeCycle() != LifeCycleState.DISCONNECTED && server.lifeCycle() != LifeCycleState.CUTOVER) {
                throw MgnApiException.conflict(sourceServerId, "Source server " + sourceServerId
                        + " can only be archived when DISCONNECTED or CUTOVER, not " + server.lifeCycle());
            }
            server.archive();
            return server;
        });
    }

    public SourceServer disconnectFromService(String sourceServerId) {
        return exclusively(() -> {
            SourceServer server = sourceServer(sourceServerId);
            requireNoActiveJob(server, "be disconnected");
            server.moveTo(LifeCycleState.DISCONNECTED);
            server.replicationProcess().disconnect(now);
            return server;
        });
    }

    public SourceServer retryDataReplication(String sourceServerId) {
        return exclusively(() -> {
            SourceServer server = sourceServer(sourceServerId);
            if (server.replicationProcess().state() != DataReplicationState.STALLED) {
                throw MgnApiException.validation("Data replication of source server " + sourceServerId
                        + " is not stalled (" + server.replicationProcess().state() + "): nothing to retry");
            }
            if (server.replicationProcess().retry(now)) {
                outbox.replicationStalledChange(server, now, false);
            }
            return server;
        });
    }

    public ObjectNode updateLaunchConfiguration(String sourceServerId, ObjectNode changes) {
        return exclusively(() -> {
            SourceServer server = sourceServer(sourceServerId);
            requireNoActiveJob(server, "have its launch configuration changed");
            server.mutableLaunchConfiguration().setAll(changes);
            return server.launchConfiguration();
        });
    }

    public Planning.Group createWave(String name, String description, Map<String, String> tags) {
        return exclusively(() -> planning.createWave(name, description, tags, now));
    }

    public Planning.Group createApplication(String name, String description, Map<String, String> tags) {
        return exclusively(() -> planning.createApplication(name, description, tags, now));
    }

    public void associateApplications(String waveId, List<String> applicationIds) {
        exclusively(() -> {
            planning.associateApplications(waveId, applicationIds, now);
            return null;
        });
    }

    public void associateSourceServers(String applicationId, List<String> sourceServerIds) {
        exclusively(() -> {
            planning.associateSourceServers(applicationId, sourceServerIds, servers.values(), now);
            return null;
        });
    }

    public Planning.Group archiveApplication(String applicationId) {
        return exclusively(() -> planning.archiveApplication(applicationId, servers.values(), now));
    }

    public Planning.Group archiveWave(String waveId) {
        return exclusively(() -> planning.archiveWave(waveId, now));
    }

    /** Every MGN wave, in creation order. */
    public List<Planning.Group> waves() {
        return exclusively(planning::waves);
    }

    /** Every MGN application, in creation order. */
    public List<Planning.Group> applications() {
        return exclusively(planning::applications);
    }

    /** How many applications are in the wave, and how many servers in the application: their aggregated status. */
    public long applicationsIn(String waveId) {
        return exclusively(() -> planning.applicationsIn(waveId));
    }

    public long sourceServersIn(String applicationId) {
        return exclusively(() -> servers.values().stream()
                .filter(server -> server.applicationId().filter(applicationId::equals).isPresent()).count());
    }

    /** All jobs, in creation order. */
    public List<LaunchJob> jobs() {
        return exclusively(() -> List.copyOf(jobs.values()));
    }

    public Optional<LaunchJob> job(String jobId) {
        return exclusively(() -> Optional.ofNullable(jobs.get(jobId)));
    }

    /** Every instance MGN launched, running or terminated, in launch order. */
    public List<TargetInstance> launchedInstances() {
        return exclusively(instances::all);
    }

    public void recordCall(ApiCall call) {
        exclusively(() -> callLog.add(call));
    }

    public List<ApiCall> callLog() {
        return exclusively(() -> List.copyOf(callLog));
    }

    /** A fresh request or event ID. */
    public String newRequestId() {
        return exclusively(() -> ids.uuid().toString());
    }

    private void assignSourceServerIds() {
        Set<String> reserved = new LinkedHashSet<>();
        environment.servers().forEach(spec -> spec.sourceServerId().ifPresent(reserved::add));
        for (ServerSpec spec : environment.servers()) {
            String id = spec.sourceServerId().orElseGet(() -> {
                String generated = ids.sourceServerId();
                while (reserved.contains(generated)) {
                    generated = ids.sourceServerId();
                }
                return generated;
            });
            reserved.add(id);
            sourceServerIdByInstance.put(spec.sourceInstanceId(), id);
            specsBySourceServerId.put(id, spec);
        }
    }

    private void register(ServerSpec spec) {
        String id = sourceServerIdByInstance.get(spec.sourceInstanceId());
        String launchTemplateId = ids.launchTemplateId();
        SourceServer server = new SourceServer(id, arn("source-server", id), spec, launchTemplateId,
                DefaultLaunchConfiguration.forServer(id, spec, launchTemplateId));
        server.connectAgent(newReplication(spec), now);
        servers.put(id, server);
    }

    private Replication newReplication(ServerSpec spec) {
        return new Replication(spec.disks(), environment.replicationBytesPerSecond(),
                spec.faults().replicationStall(), now);
    }

    private void catchUpTo(Instant target) {
        Optional<TimedTransition> next = earliestTransition();
        while (next.isPresent() && !next.get().at().isAfter(target)) {
            now = next.get().at().isAfter(now) ? next.get().at() : now;
            next.get().apply().run();
            next = earliestTransition();
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }

    /** The earliest pending transition; at equal times servers go before jobs, each in creation order. */
    private Optional<TimedTransition> earliestTransition() {
        TimedTransition earliest = null;
        for (SourceServer server : servers.values()) {
            Optional<Instant> at = server.replicationProcess().nextTransition();
            if (at.isPresent() && (earliest == null || at.get().isBefore(earliest.at()))) {
                earliest = new TimedTransition(at.get(), () -> advanceReplication(server, at.get()));
            }
        }
        for (LaunchJob job : jobs.values()) {
            Optional<Instant> at = job.nextTransition();
            if (at.isPresent() && (earliest == null || at.get().isBefore(earliest.at()))) {
                earliest = new TimedTransition(at.get(), () -> jobRunner.advance(job, at.get()));
            }
        }
        return Optional.ofNullable(earliest);
    }

    private void advanceReplication(SourceServer server, Instant at) {
        switch (server.replicationProcess().advance(at)) {
            case STALLED -> outbox.replicationStalledChange(server, at, true);
            case RECOVERED -> outbox.replicationStalledChange(server, at, false);
            case BECAME_CONTINUOUS -> {
                if (server.lifeCycle() == LifeCycleState.NOT_READY) {
                    server.moveTo(LifeCycleState.READY_FOR_TEST);
                    if (server.announceReadyForTest()) {
                        outbox.readyForTest(server, at);
                    }
                }
            }
            case PROGRESSED -> {
                // Progress is visible through DescribeSourceServers only: MGN emits no event for it.
            }
        }
    }

    private void checkCanJoin(JobKind kind, SourceServer server) {
        String id = server.id();
        if (server.archived()) {
            throw MgnApiException.conflict(id, "Source server " + id + " is archived");
        }
        requireNoActiveJob(server, "join another job");
        switch (kind) {
            case TEST, CUTOVER -> {
                if (!server.replicationProcess().hasLag()) {
                    throw MgnApiException.conflict(id, "Source server " + id + " cannot be launched: data "
                            + "replication is " + server.replicationProcess().state() + ", not CONTINUOUS");
                }
                Set<LifeCycleState> allowed = kind == JobKind.TEST ? TESTABLE : CUTOVER_READY;
                if (!allowed.contains(server.lifeCycle())) {
                    throw MgnApiException.conflict(id, "Source server " + id + " cannot start a "
                            + kind.initiatedBy() + " job in lifecycle state " + server.lifeCycle());
                }
            }
            case TERMINATE -> {
                if (NOT_TERMINABLE.contains(server.lifeCycle())) {
                    throw MgnApiException.conflict(id, "Target instances of source server " + id
                            + " cannot be terminated in lifecycle state " + server.lifeCycle());
                }
            }
        }
    }

    private void checkJobQuotas(int newServers) {
        List<LaunchJob> active = jobs.values().stream().filter(LaunchJob::active).toList();
        if (active.size() >= MAX_ACTIVE_JOBS) {
            throw MgnApiException.quotaExceeded("concurrent-jobs", MAX_ACTIVE_JOBS,
                    "Cannot start job: " + active.size() + " jobs are already active (quota " + MAX_ACTIVE_JOBS + ")");
        }
        int busy = active.stream().mapToInt(job -> job.participants().size()).sum();
        if (busy + newServers > MAX_SERVERS_IN_ACTIVE_JOBS) {
            throw MgnApiException.quotaExceeded("servers-in-active-jobs", MAX_SERVERS_IN_ACTIVE_JOBS,
                    "Cannot start job: " + busy + " servers are in active jobs and " + newServers
                            + " more would exceed the quota of " + MAX_SERVERS_IN_ACTIVE_JOBS);
        }
    }

    /** A server that is not archived, has no active job and replicates with a lag. */
    private SourceServer launchableServer(String sourceServerId, String action) {
        SourceServer server = sourceServer(sourceServerId);
        if (server.archived()) {
            throw MgnApiException.conflict(sourceServerId, "Source server " + sourceServerId + " is archived");
        }
        requireNoActiveJob(server, action);
        if (!server.replicationProcess().hasLag()) {
            throw MgnApiException.conflict(sourceServerId, "Source server " + sourceServerId + " cannot " + action
                    + ": data replication is " + server.replicationProcess().state() + ", not CONTINUOUS");
        }
        return server;
    }

    private void requireNoActiveJob(SourceServer server, String action) {
        jobs.values().stream().filter(job -> job.active() && job.involves(server.id())).findFirst()
                .ifPresent(job -> {
                    throw MgnApiException.conflict(server.id(), "Source server " + server.id() + " cannot "
                            + action + " while it takes part in active job " + job.id());
                });
    }

    private void requireSuccessfulCutover(SourceServer server, String action) {
        Optional<String> cutoverJob = server.milestone(LaunchKind.CUTOVER, Milestone.Step.INITIATED)
                .flatMap(Milestone::jobId);
        boolean launched = server.lifeCycle() == LifeCycleState.CUTTING_OVER && cutoverJob.isPresent()
                && server.launchedInstance().map(instance -> instance.jobId().equals(cutoverJob.get()))
                .orElse(false);
        if (!launched) {
            throw MgnApiException.conflict(server.id(), "Source server " + server.id() + " cannot " + action
                    + ": it has no successfully launched cutover instance (lifecycle " + server.lifeCycle() + ")");
        }
    }

    private String arn(String resourceType, String id) {
        return "arn:aws:mgn:" + environment.targetRegion() + ":" + environment.accountId() + ":" + resourceType
                + "/" + id;
    }

    private record TimedTransition(Instant at, Runnable apply) {
    }
}
