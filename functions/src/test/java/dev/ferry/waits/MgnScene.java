package dev.ferry.waits;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.mgn.SourceServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What MGN holds in a test (source servers and jobs), answered by a Mockito mock of the gateway so
 * that tests can verify and capture the exact calls.
 */
public final class MgnScene {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-central-1";

    private final MgnGateway mgn = mock(MgnGateway.class);
    private final Map<String, SourceServer> servers = new TreeMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private final Clock clock;
    private int startedJobs;
    private boolean crashAfterNextStart;
    private boolean quotaExceededOnNextStart;
    private final Set<String> refusedToLaunch = new HashSet<>();

    public MgnScene(Clock clock) {
        this.clock = clock;
        when(mgn.describeSourceServers(any())).thenAnswer(call -> describe(call.getArgument(0)));
        when(mgn.jobsSince(any())).thenAnswer(call -> since(call.getArgument(0)));
        when(mgn.describeJobs(any())).thenAnswer(call -> jobsWithIds(call.getArgument(0)));
        when(mgn.startTest(anyList())).thenAnswer(call -> start("START_TEST", call.getArgument(0)));
        when(mgn.startCutover(anyList())).thenAnswer(call -> start("START_CUTOVER", call.getArgument(0)));
    }

    public MgnGateway gateway() {
        return mgn;
    }

    /** A server replicating continuously, ready for testing with a small lag. */
    public void readyForTest(String id) {
        put(id, LifecycleState.READY_FOR_TEST, "CONTINUOUS", null, Duration.ofSeconds(2));
    }

    /** A server still in its initial sync: not ready, no lag. */
    public void initialSync(String id) {
        put(id, LifecycleState.NOT_READY, "INITIAL_SYNC", null, null);
    }

    /** A server whose lifecycle says ready for testing while MGN does not know its lag yet. */
    public void readyWithoutLag(String id) {
        put(id, LifecycleState.READY_FOR_TEST, "CONTINUOUS", null, null);
    }

    /** A server whose replication stalled with this error. */
    public void stalled(String id, String error) {
        put(id, LifecycleState.NOT_READY, "STALLED", error, null);
    }

    /** A job MGN already has, started by Ferry or by anyone else in the account. */
    public Job addJob(Job job) {
        jobs.add(job);
        return job;
    }

    /** An active job of someone else's with this many servers, created now. */
    public Job addForeignActiveJob(String id, int servers) {
        List<Job.Participant> participants = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            participants.add(new Job.Participant(String.format("s-f%016x", i), "IN_PROGRESS", null));
        }
        return addJob(new Job(id, "LAUNCH", "START_TEST", "STARTED", clock.instant(), participants));
    }

    /** The next StartTest or StartCutover creates its job in MGN, then the caller crashes before it returns. */
    public void crashAfterNextStart() {
        crashAfterNextStart = true;
    }

    /** MGN refuses with 409 every StartTest or StartCutover that includes this server, as it refuses a whole batch. */
    public void refusingToLaunch(String id) {
        refusedToLaunch.add(id);
    }

    /** MGN launches the server again. */
    public void acceptingToLaunch(String id) {
        refusedToLaunch.remove(id);
    }

    /** The next StartTest or StartCutover is refused: other jobs hold the account's capacity. */
    public void quotaExceededOnNextStart() {
        quotaExceededOnNextStart = true;
    }

    /** Every job MGN knows, in creation order. */
    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** The job with this ID. */
    public Job job(String id) {
        return jobs.stream().filter(job -> job.id().equals(id)).findFirst().orElseThrow();
    }

    /** Completes the job: every server launched, with an instance named after it. */
    public void launchAll(String jobId) {
        finish(jobId, participant -> new Job.Participant(participant.sourceServerId(), "LAUNCHED",
                instanceOf(participant.sourceServerId())));
    }

    /** One server of a running job launched; the job goes on with the others. */
    public void launchOne(String jobId, String sourceServerId) {
        Job job = job(jobId);
        jobs.set(jobs.indexOf(job), new Job(job.id(), job.type(), job.initiatedBy(), "STARTED", job.createdAt(),
                job.participants().stream().map(participant -> participant.sourceServerId().equals(sourceServerId)
                        ? new Job.Participant(sourceServerId, "LAUNCHED", instanceOf(sourceServerId))
                        : participant).toList()));
    }

    /** Completes the job: this server failed to launch, the others launched. */
    public void failOne(String jobId, String failedServerId) {
        finish(jobId, participant -> participant.sourceServerId().equals(failedServerId)
                ? new Job.Participant(participant.sourceServerId(), "FAILED", null)
                : new Job.Participant(participant.sourceServerId(), "LAUNCHED", instanceOf(participant.sourceServerId())));
    }

    /** The instance ID {@link #launchAll} gives a server. */
    public static String instanceOf(String sourceServerId) {
        return "i-0" + sourceServerId.substring(2);
    }

    /** The ARN EventBridge events carry for a server. */
    public static String arnOf(String sourceServerId) {
        return "arn:aws:mgn:" + REGION + ":" + ACCOUNT + ":source-server/" + sourceServerId;
    }

    private void finish(String jobId, UnaryOperator<Job.Participant> outcome) {
        Job job = job(jobId);
        jobs.set(jobs.indexOf(job), new Job(job.id(), job.type(), job.initiatedBy(), "COMPLETED", job.createdAt(),
                job.participants().stream().map(outcome).toList()));
    }

    private void put(String id, LifecycleState lifecycle, String replication, String error, Duration lag) {
        servers.put(id, new SourceServer(id, arnOf(id), "host-" + id, null, lifecycle, replication, error, lag, false,
                null));
    }

    private List<SourceServer> describe(Collection<String> ids) {
        return ids.stream().map(servers::get).filter(Objects::nonNull).toList();
    }

    private List<Job> since(Instant from) {
        return jobs.stream().filter(job -> !job.createdAt().isBefore(from)).toList();
    }

    private List<Job> jobsWithIds(Collection<String> ids) {
        return jobs.stream().filter(job -> ids.contains(job.id())).toList();
    }

    private Job start(String initiatedBy, List<String> ids) {
        if (quotaExceededOnNextStart) {
            quotaExceededOnNextStart = false;
            throw new MgnQuotaExceededException("200 servers are already in active jobs", null);
        }
        ids.stream().filter(refusedToLaunch::contains).findFirst().ifPresent(id -> {
            throw new MgnConflictException("Source server " + id + " is in a state that cannot be launched", null);
        });
        startedJobs++;
        Job job = addJob(new Job(String.format("mgnjob-%017x", startedJobs), "LAUNCH", initiatedBy, "PENDING",
                clock.instant(), ids.stream().map(id -> new Job.Participant(id, "PENDING", null)).toList()));
        if (crashAfterNextStart) {
            crashAfterNextStart = false;
            throw new IllegalStateException("the function crashed after MGN accepted the job");
        }
        return job;
    }
}
