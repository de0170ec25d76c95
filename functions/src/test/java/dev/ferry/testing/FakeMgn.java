package dev.ferry.testing;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.LaunchConfigurationChange;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnApplication;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.mgn.MgnWave;
import dev.ferry.mgn.SourceServer;
import dev.ferry.wave.ReplicationSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * MGN in one region, in memory, for the functions' tests: source servers, jobs, initialisation and
 * the replication template, launch templates and configurations. It keeps the rules the stages
 * depend on (no terminate in TESTING, CUTTING_OVER or CUTOVER; archive only once finalized or
 * disconnected; at most {@value #SERVERS_IN_ACTIVE_JOBS} servers across active jobs) so that a
 * retried stage finds what the first attempt did, and it records every request for exact
 * assertions. Faults are asked for by operation and server: a failure, a conflict after the change
 * was made (a retry of a call that succeeded unseen), a crash after a job was created.
 *
 * <p>The simulator in local/mgn is the faithful MGN, behind its wire protocol; this one stands
 * behind the {@link MgnGateway} port, where a test wants to set the scene directly. Synchronized:
 * stages call MGN from several threads.
 */
public final class FakeMgn implements MgnGateway {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-central-1";
    /** MGN's quota of source servers across all active jobs of an account and region. */
    public static final int SERVERS_IN_ACTIVE_JOBS = 200;

    private static final Set<LifecycleState> NO_TERMINATE =
            EnumSet.of(LifecycleState.TESTING, LifecycleState.CUTTING_OVER, LifecycleState.CUTOVER);

    /** One {@code UpdateLaunchConfiguration} request. */
    public record LaunchConfigurationUpdate(String sourceServerId, LaunchConfigurationChange change) {
    }

    private Clock clock;
    private final Map<String, SourceServer> servers = new LinkedHashMap<>();
    private final Set<String> terminatedInstances = new HashSet<>();
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, String> launchTemplates = new HashMap<>();
    private boolean initialized = true;
    private boolean hasTemplate = true;
    private int startedJobs;

    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Set<String> conflictsAfterChange = new HashSet<>();
    private final Set<String> refusedToLaunch = new HashSet<>();
    private boolean crashAfterNextStart;
    private boolean loseNextCreateAnswer;
    private final Map<String, MgnWave> waves = new LinkedHashMap<>();
    private final Map<String, MgnApplication> applications = new LinkedHashMap<>();
    private boolean quotaExceededOnNextStart;

    private int initializeCalls;
    private int listCalls;
    private final List<ReplicationSettings> createdTemplates = new ArrayList<>();
    private final List<List<String>> describeRequests = new ArrayList<>();
    private final List<List<String>> describeJobsRequests = new ArrayList<>();
    private final List<Instant> jobsSinceRequests = new ArrayList<>();
    private final List<LaunchConfigurationUpdate> launchConfigurationUpdates = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final List<List<String>> startTestRequests = new ArrayList<>();
    private final List<List<String>> startCutoverRequests = new ArrayList<>();
    private final List<List<String>> terminateRequests = new ArrayList<>();

    /** Jobs are stamped with the epoch until {@link #at} says otherwise. */
    public FakeMgn() {
        this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** Jobs are stamped with this clock's time. */
    public FakeMgn(Clock clock) {
        this.clock = clock;
    }

    // ---- the scene ----

    /** The region has never been initialised, so it has no replication template either. */
    public synchronized FakeMgn uninitialized() {
        initialized = false;
        hasTemplate = false;
        return this;
    }

    public synchronized FakeMgn withoutReplicationTemplate() {
        hasTemplate = false;
        return this;
    }

    public synchronized FakeMgn with(SourceServer... sourceServers) {
        for (SourceServer server : sourceServers) {
            servers.put(server.id(), server);
        }
        return this;
    }

    public synchronized FakeMgn with(Collection<SourceServer> sourceServers) {
        return with(sourceServers.toArray(SourceServer[]::new));
    }

    /** A server replicating continuously in this lifecycle state, with this launched instance (or null). */
    public synchronized FakeMgn server(String id, LifecycleState lifecycle, String launchedInstanceId) {
        return with(sourceServer(id, lifecycle, "CONTINUOUS", null, Duration.ofSeconds(1), false, launchedInstanceId));
    }

    /** A server MGN has already finalized (and maybe archived): cut over, replication disconnected. */
    public synchronized FakeMgn finalizedServer(String id, boolean archived) {
        return with(sourceServer(id, LifecycleState.CUTOVER, "DISCONNECTED", null, null, archived, null));
    }

    /** A server replicating continuously, ready for testing with a small lag. */
    public synchronized FakeMgn readyForTest(String id) {
        return with(sourceServer(id, LifecycleState.READY_FOR_TEST, "CONTINUOUS", null, Duration.ofSeconds(2), false,
                null));
    }

    /** A server still in its initial sync: not ready, no lag. */
    public synchronized FakeMgn initialSync(String id) {
        return with(sourceServer(id, LifecycleState.NOT_READY, "INITIAL_SYNC", null, null, false, null));
    }

    /** A server whose lifecycle says ready for testing while MGN does not know its lag yet. */
    public synchronized FakeMgn readyWithoutLag(String id) {
        return with(sourceServer(id, LifecycleState.READY_FOR_TEST, "CONTINUOUS", null, null, false, null));
    }

    /** A server whose replication stalled with this error. */
    public synchronized FakeMgn stalled(String id, String error) {
        return with(sourceServer(id, LifecycleState.NOT_READY, "STALLED", error, null, false, null));
    }

    /** A job MGN already has, started by Ferry or by anyone else in the account. */
    public synchronized Job addJob(Job job) {
        jobs.add(job);
        return job;
    }

    public synchronized FakeMgn withJob(Job job) {
        addJob(job);
        return this;
    }

    /** An active job of someone else's with this many servers, created now. */
    public synchronized Job addForeignActiveJob(String id, int serverCount) {
        List<Job.Participant> participants = new ArrayList<>();
        for (int i = 0; i < serverCount; i++) {
            participants.add(new Job.Participant(String.format("s-f%016x", i), "IN_PROGRESS", null));
        }
        return addJob(new Job(id, "LAUNCH", "START_TEST", "STARTED", clock.instant(), participants));
    }

    /** Gives the server an MGN launch template, as MGN does when the agent registers it. */
    public synchronized FakeMgn withLaunchTemplate(String sourceServerId, String launchTemplateId) {
        launchTemplates.put(sourceServerId, launchTemplateId);
        return this;
    }

    /** Jobs started from now on are stamped with this time. */
    public synchronized FakeMgn at(Instant time) {
        clock = Clock.fixed(time, ZoneOffset.UTC);
        return this;
    }

    // ---- faults ----

    /**
     * Makes every call of {@code operation} (the gateway method's name) for {@code serverId} throw,
     * before it changes anything.
     */
    public synchronized FakeMgn failing(String operation, String serverId, RuntimeException failure) {
        failures.put(operation + " " + serverId, failure);
        return this;
    }

    /**
     * Makes every call of {@code operation} for {@code serverId} change MGN's state and then answer
     * with a conflict, as a call retried after an earlier attempt succeeded unseen.
     */
    public synchronized FakeMgn conflictingAfterChange(String operation, String serverId) {
        conflictsAfterChange.add(operation + " " + serverId);
        return this;
    }

    /** The next StartTest or StartCutover creates its job in MGN, then the caller crashes before it returns. */
    public synchronized void crashAfterNextStart() {
        crashAfterNextStart = true;
    }

    /** MGN refuses with 409 every StartTest or StartCutover that includes this server, as it refuses a whole batch. */
    /** The next CreateWave or CreateApplication is applied, then its answer is lost. */
    public synchronized void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    /** An MGN wave made outside Ferry (by hand in the console). */
    public synchronized MgnWave addWave(String name) {
        MgnWave wave = new MgnWave(String.format("wave-%017d", waves.size() + 1), name, false, clock.instant());
        waves.put(wave.id(), wave);
        return wave;
    }

    /** An MGN application made outside Ferry, in {@code waveId} (or none) and holding these servers. */
    public synchronized MgnApplication addApplication(String name, String waveId, String... sourceServerIds) {
        MgnApplication application = new MgnApplication(String.format("app-%017d", applications.size() + 1), name,
                waveId, false, clock.instant());
        applications.put(application.id(), application);
        for (String id : sourceServerIds) {
            update(id, server -> withApplication(server, application.id()));
        }
        return application;
    }

    public synchronized List<MgnWave> waves() {
        return List.copyOf(waves.values());
    }

    public synchronized List<MgnApplication> applications() {
        return List.copyOf(applications.values());
    }

    public synchronized void refusingToLaunch(String id) {
        refusedToLaunch.add(id);
    }

    /** MGN launches the server again. */
    public synchronized void acceptingToLaunch(String id) {
        refusedToLaunch.remove(id);
    }

    /** The next StartTest or StartCutover is refused: other jobs hold the account's capacity. */
    public synchronized void quotaExceededOnNextStart() {
        quotaExceededOnNextStart = true;
    }

    // ---- jobs moving on ----

    /** Completes the job: every server launched, with an instance named after it. */
    public synchronized void launchAll(String jobId) {
        finish(jobId, participant -> launched(participant.sourceServerId()));
    }

    /** One server of a running job launched; the job goes on with the others. */
    public synchronized void launchOne(String jobId, String sourceServerId) {
        Job job = job(jobId);
        jobs.set(jobs.indexOf(job), new Job(job.id(), job.type(), job.initiatedBy(), "STARTED", job.createdAt(),
                job.participants().stream().map(participant -> participant.sourceServerId().equals(sourceServerId)
                        ? launched(sourceServerId)
                        : participant).toList()));
    }

    /** Completes the job: this server failed to launch, the others launched. */
    public synchronized void failOne(String jobId, String failedServerId) {
        finish(jobId, participant -> participant.sourceServerId().equals(failedServerId)
                ? new Job.Participant(failedServerId, "FAILED", null)
                : launched(participant.sourceServerId()));
    }

    /** Every job started so far finishes, freeing its room in MGN's job quotas. */
    public synchronized void finishJobs() {
        jobs.replaceAll(job -> new Job(job.id(), job.type(), job.initiatedBy(), "COMPLETED", job.createdAt(),
                job.participants()));
    }

    /** The instance ID a launch gives a server. */
    public static String instanceOf(String sourceServerId) {
        return "i-0" + sourceServerId.substring(2);
    }

    /** The ARN EventBridge events carry for a server. */
    private static String arnOf(String sourceServerId) {
        return "arn:aws:mgn:" + REGION + ":" + ACCOUNT + ":source-server/" + sourceServerId;
    }

    // ---- what happened ----

    /** Every job MGN knows, in creation order. */
    public synchronized List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** The job with this ID. */
    public synchronized Job job(String id) {
        return jobs.stream().filter(job -> job.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("MGN has no job " + id));
    }

    public synchronized LifecycleState lifecycle(String id) {
        return server(id).lifecycle();
    }

    public synchronized boolean isArchived(String id) {
        return server(id).archived();
    }

    /** Whether the server's launched instance was terminated. */
    public synchronized boolean instanceTerminated(String id) {
        return terminatedInstances.contains(id);
    }

    /**
     * Every request the gateway received since the last {@link #forgetRequests}, as "operation
     * [arguments]" in order, the scene-setting methods excluded: for asserting what a step asked
     * MGN and that it asked nothing more.
     */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** Forgets every request recorded so far (here and in the other logs), so that a test sees only what comes next. */
    public synchronized void forgetRequests() {
        List.of(requests, calls, describeRequests, describeJobsRequests, jobsSinceRequests, startTestRequests,
                startCutoverRequests, terminateRequests).forEach(List::clear);
    }

    /** Calls that change a server, as "operation serverId [argument]", in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The server IDs of every StartTest request, refused ones included. */
    public synchronized List<List<String>> startTestRequests() {
        return List.copyOf(startTestRequests);
    }

    /** The server IDs of every StartCutover request, refused ones included. */
    public synchronized List<List<String>> startCutoverRequests() {
        return List.copyOf(startCutoverRequests);
    }

    /** The server IDs of every TerminateTargetInstances request, refused ones included. */
    public synchronized List<List<String>> terminateRequests() {
        return List.copyOf(terminateRequests);
    }

    public synchronized int initializeCalls() {
        return initializeCalls;
    }

    public synchronized int listCalls() {
        return listCalls;
    }

    public synchronized List<ReplicationSettings> createdTemplates() {
        return List.copyOf(createdTemplates);
    }

    /** The server IDs of every DescribeSourceServers request. */
    public synchronized List<List<String>> describeRequests() {
        return List.copyOf(describeRequests);
    }

    /** The job IDs of every DescribeJobs request. */
    public synchronized List<List<String>> describeJobsRequests() {
        return List.copyOf(describeJobsRequests);
    }

    public synchronized int describeCalls() {
        return describeRequests.size();
    }

    public synchronized List<Instant> jobsSinceRequests() {
        return List.copyOf(jobsSinceRequests);
    }

    public synchronized List<LaunchConfigurationUpdate> launchConfigurationUpdates() {
        return List.copyOf(launchConfigurationUpdates);
    }

    /** Whether any call changed MGN (initialisation, a template, a launch configuration, a server, a job). */
    public synchronized boolean changedAnything() {
        return initializeCalls > 0 || !createdTemplates.isEmpty() || !launchConfigurationUpdates.isEmpty()
                || !calls.isEmpty() || startedJobs > 0;
    }

    // ---- the gateway ----

    @Override
    public synchronized boolean isInitialized() {
        requests.add("isInitialized");
        return initialized;
    }

    @Override
    public synchronized void initializeService() {
        requests.add("initializeService");
        initializeCalls++;
        initialized = true;
    }

    @Override
    public synchronized boolean hasReplicationTemplate() {
        requests.add("hasReplicationTemplate");
        requireInitialized();
        return hasTemplate;
    }

    @Override
    public synchronized void createReplicationTemplate(ReplicationSettings settings) {
        requests.add("createReplicationTemplate " + settings);
        requireInitialized();
        createdTemplates.add(settings);
        hasTemplate = true;
    }

    @Override
    public synchronized List<SourceServer> describeSourceServers(Collection<String> sourceServerIds) {
        requests.add("describeSourceServers " + sourceServerIds);
        requireInitialized();
        describeRequests.add(List.copyOf(sourceServerIds));
        sourceServerIds.forEach(id -> failIfAsked("describeSourceServers", id));
        return sourceServerIds.stream().map(servers::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized List<SourceServer> listSourceServers() {
        requests.add("listSourceServers");
        requireInitialized();
        listCalls++;
        return servers.values().stream().filter(server -> !server.archived()).toList();
    }

    @Override
    public synchronized String launchTemplateId(String sourceServerId) {
        requests.add("launchTemplateId " + sourceServerId);
        String id = launchTemplates.get(sourceServerId);
        if (id == null) {
            throw new IllegalStateException("source server " + sourceServerId + " has no launch template");
        }
        return id;
    }

    @Override
    public synchronized void updateLaunchConfiguration(String sourceServerId, LaunchConfigurationChange change) {
        requests.add("updateLaunchConfiguration " + sourceServerId + " " + change);
        launchConfigurationUpdates.add(new LaunchConfigurationUpdate(sourceServerId, change));
        failIfAsked("updateLaunchConfiguration", sourceServerId);
    }

    @Override
    public synchronized List<Job> jobsSince(Instant from) {
        requests.add("jobsSince " + from);
        requireInitialized();
        jobsSinceRequests.add(from);
        return jobs.stream().filter(job -> !job.createdAt().isBefore(from)).toList();
    }

    @Override
    public synchronized List<Job> describeJobs(Collection<String> jobIds) {
        requests.add("describeJobs " + jobIds);
        describeJobsRequests.add(List.copyOf(jobIds));
        return jobs.stream().filter(job -> jobIds.contains(job.id())).toList();
    }

    @Override
    public synchronized Job startTest(List<String> sourceServerIds) {
        requests.add("startTest " + sourceServerIds);
        startTestRequests.add(List.copyOf(sourceServerIds));
        return launch("START_TEST", sourceServerIds);
    }

    @Override
    public synchronized Job startCutover(List<String> sourceServerIds) {
        requests.add("startCutover " + sourceServerIds);
        startCutoverRequests.add(List.copyOf(sourceServerIds));
        return launch("START_CUTOVER", sourceServerIds);
    }

    @Override
    public synchronized Job terminateTargetInstances(List<String> sourceServerIds) {
        requests.add("terminateTargetInstances " + sourceServerIds);
        terminateRequests.add(List.copyOf(sourceServerIds));
        calls.add("terminateTargetInstances " + String.join(",", sourceServerIds));
        for (String id : sourceServerIds) {
            failIfAsked("terminateTargetInstances", id);
            if (NO_TERMINATE.contains(server(id).lifecycle())) {
                throw new MgnConflictException(id + " is " + server(id).lifecycle(), null);
            }
        }
        requireRoomFor(sourceServerIds.size());
        sourceServerIds.stream().filter(id -> server(id).launchedInstanceId() != null).forEach(terminatedInstances::add);
        return addJob(new Job(nextJobId(), "TERMINATE", "TERMINATE", "PENDING", clock.instant(), pending(sourceServerIds)));
    }

    @Override
    public synchronized void changeLifecycleState(String sourceServerId, LifecycleState target) {
        requests.add("changeLifecycleState " + sourceServerId + " " + target);
        calls.add("changeLifecycleState " + sourceServerId + " " + target);
        failIfAsked("changeLifecycleState", sourceServerId);
        update(sourceServerId, server -> copy(server, target, server.replication(), server.archived()));
        conflictIfAsked("changeLifecycleState", sourceServerId);
    }

    @Override
    public synchronized void retryDataReplication(String sourceServerId) {
        requests.add("retryDataReplication " + sourceServerId);
        calls.add("retryDataReplication " + sourceServerId);
        failIfAsked("retryDataReplication", sourceServerId);
        server(sourceServerId);
    }

    @Override
    public synchronized void finalizeCutover(String sourceServerId) {
        requests.add("finalizeCutover " + sourceServerId);
        calls.add("finalizeCutover " + sourceServerId);
        failIfAsked("finalizeCutover", sourceServerId);
        update(sourceServerId, server -> copy(server, LifecycleState.CUTOVER, "DISCONNECTED", server.archived()));
        conflictIfAsked("finalizeCutover", sourceServerId);
    }

    @Override
    public synchronized void markAsArchived(String sourceServerId) {
        requests.add("markAsArchived " + sourceServerId);
        calls.add("markAsArchived " + sourceServerId);
        failIfAsked("markAsArchived", sourceServerId);
        SourceServer server = server(sourceServerId);
        if (server.lifecycle() != LifecycleState.CUTOVER && !"DISCONNECTED".equals(server.replication())) {
            throw new MgnConflictException(sourceServerId + " is neither finalized nor disconnected", null);
        }
        update(sourceServerId, stored -> copy(stored, stored.lifecycle(), stored.replication(), true));
    }

    @Override
    public synchronized List<MgnWave> activeWaves() {
        requests.add("activeWaves");
        return waves.values().stream().filter(wave -> !wave.archived()).toList();
    }

    @Override
    public synchronized MgnWave createWave(String name, String description) {
        requests.add("createWave " + name);
        calls.add("createWave " + name);
        MgnWave wave = addWave(name);
        loseAnswerIfAsked("CreateWave");
        return wave;
    }

    @Override
    public synchronized List<MgnApplication> activeApplications() {
        requests.add("activeApplications");
        return applications.values().stream().filter(application -> !application.archived()).toList();
    }

    @Override
    public synchronized List<MgnApplication> applicationsInWave(String waveId) {
        requests.add("applicationsInWave " + waveId);
        return applications.values().stream().filter(application -> waveId.equals(application.waveId())).toList();
    }

    @Override
    public synchronized MgnApplication createApplication(String name, String description) {
        requests.add("createApplication " + name);
        calls.add("createApplication " + name);
        MgnApplication application = addApplication(name, null);
        loseAnswerIfAsked("CreateApplication");
        return application;
    }

    @Override
    public synchronized void associateApplication(String waveId, String applicationId) {
        requests.add("associateApplication " + waveId + " " + applicationId);
        calls.add("associateApplication " + waveId + " " + applicationId);
        MgnApplication application = applications.get(applicationId);
        if (!waves.containsKey(waveId) || application == null) {
            throw new IllegalArgumentException("MGN has no wave " + waveId + " or application " + applicationId);
        }
        if (application.waveId() != null && !application.waveId().equals(waveId)) {
            throw new MgnConflictException("Application " + applicationId + " is in wave " + application.waveId(), null);
        }
        applications.put(applicationId, new MgnApplication(applicationId, application.name(), waveId,
                application.archived(), application.created()));
    }

    @Override
    public synchronized void associateSourceServers(String applicationId, Collection<String> sourceServerIds) {
        requests.add("associateSourceServers " + applicationId + " " + sourceServerIds);
        calls.add("associateSourceServers " + applicationId + " " + sourceServerIds);
        for (String id : sourceServerIds) {
            String in = server(id).applicationId();
            if (in != null && !in.equals(applicationId)) {
                throw new MgnConflictException("Source server " + id + " is in application " + in, null);
            }
        }
        sourceServerIds.forEach(id -> update(id, server -> withApplication(server, applicationId)));
    }

    @Override
    public synchronized List<SourceServer> sourceServersInApplication(String applicationId) {
        requests.add("sourceServersInApplication " + applicationId);
        return servers.values().stream().filter(server -> applicationId.equals(server.applicationId())).toList();
    }

    @Override
    public synchronized void archiveApplication(String applicationId) {
        requests.add("archiveApplication " + applicationId);
        calls.add("archiveApplication " + applicationId);
        failIfAsked("archiveApplication", applicationId);
        MgnApplication application = applications.get(applicationId);
        if (servers.values().stream().anyMatch(server -> applicationId.equals(server.applicationId())
                && !server.archived())) {
            throw new MgnConflictException("Application " + applicationId + " holds servers not archived", null);
        }
        applications.put(applicationId, new MgnApplication(applicationId, application.name(), application.waveId(),
                true, application.created()));
    }

    @Override
    public synchronized void archiveWave(String waveId) {
        requests.add("archiveWave " + waveId);
        calls.add("archiveWave " + waveId);
        failIfAsked("archiveWave", waveId);
        MgnWave wave = waves.get(waveId);
        if (applications.values().stream().anyMatch(app -> waveId.equals(app.waveId()) && !app.archived())) {
            throw new MgnConflictException("Wave " + waveId + " holds applications not archived", null);
        }
        waves.put(waveId, new MgnWave(waveId, wave.name(), true, wave.created()));
    }

    // ---- rules ----

    private void loseAnswerIfAsked(String operation) {
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            throw new SimulatedCrash("after MGN applied " + operation);
        }
    }

    private static SourceServer withApplication(SourceServer server, String applicationId) {
        return new SourceServer(server.id(), server.arn(), server.hostname(), server.awsInstanceId(),
                server.lifecycle(), server.replication(), server.replicationError(), server.lag(), server.archived(),
                server.launchedInstanceId(), applicationId);
    }

    private Job launch(String initiatedBy, List<String> ids) {
        if (quotaExceededOnNextStart) {
            quotaExceededOnNextStart = false;
            throw new MgnQuotaExceededException(SERVERS_IN_ACTIVE_JOBS + " servers are already in active jobs", null);
        }
        ids.stream().filter(refusedToLaunch::contains).findFirst().ifPresent(id -> {
            throw new MgnConflictException("Source server " + id + " is in a state that cannot be launched", null);
        });
        requireRoomFor(ids.size());
        Job job = addJob(new Job(nextJobId(), "LAUNCH", initiatedBy, "PENDING", clock.instant(), pending(ids)));
        if (crashAfterNextStart) {
            crashAfterNextStart = false;
            throw new SimulatedCrash("after MGN accepted job " + job.id());
        }
        return job;
    }

    private void requireRoomFor(int servers) {
        int active = jobs.stream().filter(Job::isActive).mapToInt(job -> job.participants().size()).sum();
        if (active + servers > SERVERS_IN_ACTIVE_JOBS) {
            throw new MgnQuotaExceededException(active + " servers are in active jobs; " + servers + " more would pass "
                    + SERVERS_IN_ACTIVE_JOBS, null);
        }
    }

    private String nextJobId() {
        startedJobs++;
        return String.format("mgnjob-%017x", startedJobs);
    }

    private static List<Job.Participant> pending(List<String> ids) {
        return ids.stream().map(id -> new Job.Participant(id, "PENDING", null)).toList();
    }

    private static Job.Participant launched(String sourceServerId) {
        return new Job.Participant(sourceServerId, "LAUNCHED", instanceOf(sourceServerId));
    }

    private void finish(String jobId, UnaryOperator<Job.Participant> outcome) {
        Job job = job(jobId);
        jobs.set(jobs.indexOf(job), new Job(job.id(), job.type(), job.initiatedBy(), "COMPLETED", job.createdAt(),
                job.participants().stream().map(outcome).toList()));
    }

    private SourceServer server(String id) {
        SourceServer server = servers.get(id);
        if (server == null) {
            throw new IllegalArgumentException("MGN has no source server " + id);
        }
        return server;
    }

    private void update(String id, UnaryOperator<SourceServer> change) {
        servers.put(id, change.apply(server(id)));
    }

    private static SourceServer copy(SourceServer server, LifecycleState lifecycle, String replication, boolean archived) {
        return new SourceServer(server.id(), server.arn(), server.hostname(), server.awsInstanceId(), lifecycle,
                replication, server.replicationError(), server.lag(), archived, server.launchedInstanceId(),
                server.applicationId());
    }

    private static SourceServer sourceServer(String id, LifecycleState lifecycle, String replication, String error,
                                             Duration lag, boolean archived, String launchedInstanceId) {
        return new SourceServer(id, arnOf(id), "host-" + id, null, lifecycle, replication, error, lag, archived,
                launchedInstanceId);
    }

    /** MGN answers UninitializedAccountException until the region is initialised. */
    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("UninitializedAccountException: MGN is not initialised in this region");
        }
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
}
