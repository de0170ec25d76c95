package dev.ferry.waits;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.JobCapacity;
import dev.ferry.mgn.MgnConflictException;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnQuotaExceededException;
import dev.ferry.mgn.SourceServer;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerRecord.Launch;
import dev.ferry.server.ServerRecord.StageTime;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A test or cutover launch wait. Each evaluation adopts jobs an interrupted evaluation started,
 * follows the recorded launches in MGN's jobs, moves launched servers on to validation and fails
 * those whose launch failed, then starts launches for the servers without one as far as MGN's
 * account-wide quotas allow. Done when no active server is waiting for its launch.
 */
final class LaunchCondition {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchCondition.class);

    /** How far back jobs are read to count what is still running in the account. */
    private static final Duration ACTIVE_JOBS_LOOKBACK = Duration.ofDays(1);
    /** MGN stamps jobs with its own clock; a job a moment "before" the stage began may still be ours. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final MgnGateway mgn;
    private final MgnObserver observer;
    private final Clock clock;

    LaunchCondition(MgnGateway mgn, MgnObserver observer, Clock clock) {
        this.mgn = mgn;
        this.observer = observer;
        this.clock = clock;
    }

    WaitOutcome evaluate(Wait wait, WaveRecord wave, WaveServers servers) {
        Phase phase = wait.kind().phase();
        Instant now = clock.instant();
        List<ServerRecord> waiting = waiting(servers, phase);
        if (waiting.isEmpty()) {
            return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
        }
        Map<String, SourceServer> seen = observer.observe(servers, waiting, now);
        Instant stageBegan = waiting.stream().map(record -> stageStart(record, phase, wait))
                .min(Comparator.naturalOrder()).orElse(wait.createdAt());
        List<Job> jobs = mgn.jobsSince(earlier(now.minus(ACTIVE_JOBS_LOOKBACK), stageBegan.minus(CLOCK_TOLERANCE)));

        adopt(jobs, phase, wait, servers);
        follow(jobs, phase, servers, seen);
        settle(phase, servers, now);
        timeOut(wave, phase, servers, now);
        servers.save();

        if (!now.isBefore(wait.deadline())) {
            // No new launch starts after the deadline; those running keep their own time limit.
            leaveOutUnstarted(wave, phase, servers, JobCapacity.leftBy(jobs), now);
            servers.save();
        } else {
            start(jobs, phase, servers, seen, now);
        }
        if (waiting(servers, phase).isEmpty()) {
            return WaitOutcome.done(WaveProgress.of(wave, servers.all()));
        }
        return WaitOutcome.notYet();
    }

    /**
     * After a launch result of one server: reads only that server's job and brings the wave's
     * launches in it up to date. The whole wait is evaluated only when this can decide more: the
     * job finished (its servers free MGN's room for the next batch), no server is left waiting,
     * the server has no launch recorded (an interrupted start to adopt), the job names a launched
     * instance only through the server, or the deadline passed.
     */
    WaitOutcome evaluateAfter(Wait wait, WaveRecord wave, WaveServers servers, MgnEventHint hint) {
        Phase phase = wait.kind().phase();
        Instant now = clock.instant();
        ServerRecord record = servers.find(hint.sourceServerId())
                .filter(found -> found.isActive() && found.stage() == phase.launchStage()).orElse(null);
        Launch launch = record == null ? null : record.launch(phase);
        if (launch == null || launch.isFinished() || !now.isBefore(wait.deadline())) {
            return evaluate(wait, wave, servers);
        }
        Job job = mgn.describeJobs(List.of(launch.jobId())).stream().findFirst().orElse(null);
        if (job == null || namesLaunchedInstancesOnlyThroughServers(job)) {
            return evaluate(wait, wave, servers);
        }
        followJobs(Map.of(job.id(), job), phase, servers, Map.of());
        settle(phase, servers, now);
        timeOut(wave, phase, servers, now);
        servers.save();
        if (!job.isActive() || waiting(servers, phase).isEmpty()) {
            return evaluate(wait, wave, servers);
        }
        return WaitOutcome.notYet();
    }

    /** A launched participant without its instance ID: the instance is read from its source server. */
    private static boolean namesLaunchedInstancesOnlyThroughServers(Job job) {
        return job.participants().stream()
                .anyMatch(p -> "LAUNCHED".equals(p.launchStatus()) && p.launchedInstanceId() == null);
    }

    /** Active servers still in the launch stage: their launch has not finished. */
    private static List<ServerRecord> waiting(WaveServers servers, Phase phase) {
        return servers.active().stream().filter(record -> record.stage() == phase.launchStage()).toList();
    }

    /**
     * Records as a server's launch any job of this phase since the server entered the stage that
     * includes it while Ferry has no launch recorded for it: an evaluation that crashed between
     * starting the job and recording it. Without this the server would be started twice.
     */
    private void adopt(List<Job> jobs, Phase phase, Wait wait, WaveServers servers) {
        String initiator = phase == Phase.TEST ? "START_TEST" : "START_CUTOVER";
        Set<String> adopted = new HashSet<>();
        List<Job> ours = jobs.stream()
                .filter(job -> initiator.equals(job.initiatedBy()))
                .sorted(Comparator.comparing(Job::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Map<String, ServerRecord> waiting = waiting(servers, phase).stream()
                .collect(Collectors.toMap(ServerRecord::sourceServerId, Function.identity()));
        for (Job job : ours) {
            for (Job.Participant participant : job.participants()) {
                ServerRecord record = waiting.get(participant.sourceServerId());
                if (record == null || (record.launch(phase) != null && !adopted.contains(record.sourceServerId()))) {
                    continue;
                }
                Instant createdAt = job.createdAt() != null ? job.createdAt() : wait.createdAt();
                if (createdAt.isBefore(stageStart(record, phase, wait).minus(CLOCK_TOLERANCE))) {
                    continue;
                }
                Launch launch = new Launch(job.id(), participant.launchStatus(), participant.launchedInstanceId(),
                        createdAt);
                servers.put(record.withLaunch(phase, launch));
                adopted.add(record.sourceServerId());
                LOG.info("Adopted MGN job {} as the {} launch of {}", job.id(), phase, record.sourceServerId());
            }
        }
    }

    /** Brings each unfinished recorded launch up to date with its job, reading the jobs not listed. */
    private void follow(List<Job> jobs, Phase phase, WaveServers servers, Map<String, SourceServer> seen) {
        Map<String, Job> byId = new HashMap<>();
        jobs.forEach(job -> byId.put(job.id(), job));
        Set<String> missing = new HashSet<>();
        for (ServerRecord record : waiting(servers, phase)) {
            Launch launch = record.launch(phase);
            if (launch != null && !launch.isFinished() && !byId.containsKey(launch.jobId())) {
                missing.add(launch.jobId());
            }
        }
        if (!missing.isEmpty()) {
            mgn.describeJobs(missing).forEach(job -> byId.put(job.id(), job));
        }
        followJobs(byId, phase, servers, seen);
    }

    /** Brings the unfinished recorded launches in these jobs up to date; others are left as they are. */
    private static void followJobs(Map<String, Job> byId, Phase phase, WaveServers servers,
                                   Map<String, SourceServer> seen) {
        for (ServerRecord record : waiting(servers, phase)) {
            Launch launch = record.launch(phase);
            Job job = launch == null || launch.isFinished() ? null : byId.get(launch.jobId());
            Job.Participant participant = job == null ? null : participantOf(job, record.sourceServerId());
            if (participant == null) {
                continue;
            }
            Launch updated = new Launch(launch.jobId(), participant.launchStatus(),
                    instanceOf(participant, launch, seen.get(record.sourceServerId())), launch.startedAt());
            if (!updated.equals(launch)) {
                servers.put(record.withLaunch(phase, updated));
            }
        }
    }

    private static Job.Participant participantOf(Job job, String sourceServerId) {
        return job.participants().stream()
                .filter(participant -> participant.sourceServerId().equals(sourceServerId))
                .findFirst().orElse(null);
    }

    /** The launched instance: from the job, else what was recorded, else the server's latest launch. */
    private static String instanceOf(Job.Participant participant, Launch recorded, SourceServer server) {
        if (participant.launchedInstanceId() != null) {
            return participant.launchedInstanceId();
        }
        if (recorded.instanceId() != null) {
            return recorded.instanceId();
        }
        boolean launched = "LAUNCHED".equals(participant.launchStatus());
        return launched && server != null ? server.launchedInstanceId() : null;
    }

    /** Launched servers go on to validation; a failed launch fails its server. */
    private static void settle(Phase phase, WaveServers servers, Instant now) {
        for (ServerRecord record : waiting(servers, phase)) {
            Launch launch = record.launch(phase);
            if (launch == null || !launch.isFinished()) {
                continue;
            }
            String launchName = phase.name().toLowerCase() + " launch";
            switch (launch.status()) {
                case "LAUNCHED" -> servers.put(record.enteringStage(phase.validationStage(), now));
                case "FAILED" -> servers.put(record.failed(launchName + " failed in MGN job " + launch.jobId(), now));
                default -> servers.put(record.failed(launchName + " ended with status " + launch.status()
                        + " in MGN job " + launch.jobId(), now));
            }
        }
    }

    /**
     * A launch fails when its job has not finished within the wave's launch limit from the job's
     * start: the time a server spent queued for MGN's capacity before its job never counts.
     */
    private static void timeOut(WaveRecord wave, Phase phase, WaveServers servers, Instant now) {
        Duration limit = wave.definition().timeLimits().launch();
        for (ServerRecord record : waiting(servers, phase)) {
            Launch launch = record.launch(phase);
            if (launch != null && !launch.isFinished() && !now.isBefore(launch.startedAt().plus(limit))) {
                servers.put(record.failed("launch did not finish within " + limit.toMinutes()
                        + " minutes of its MGN job's start, job " + launch.jobId(), now));
                LOG.warn("The {} launch of {} did not finish within its time limit", phase, record.sourceServerId());
            }
        }
    }

    /**
     * At the stage's deadline, a server whose launch never started is left out (it did nothing
     * wrong): MGN could not launch it, or had no room for it behind the account's active jobs.
     */
    private static void leaveOutUnstarted(WaveRecord wave, Phase phase, WaveServers servers, JobCapacity capacity,
                                          Instant now) {
        String within = "launch did not start within the stage's "
                + wave.definition().timeLimits().launchQueue(wave.definition().servers().size()).toMinutes() + " minutes";
        for (ServerRecord record : waiting(servers, phase)) {
            if (record.launch(phase) != null) {
                continue;
            }
            if (record.lastSeen() != null && record.lastSeen().lagDuration() == null) {
                servers.put(record.leftOut(within + ": MGN could not launch it (lifecycle "
                        + record.lastSeen().lifecycle() + ", replication " + record.lastSeen().replication()
                        + ", replication lag unknown)", now));
            } else {
                servers.put(record.leftOut(within + ": queued behind " + capacity.serversInActiveJobs()
                        + " servers in " + capacity.activeJobs() + " active MGN jobs", now));
            }
            LOG.warn("The {} launch of {} did not start before the stage's deadline", phase, record.sourceServerId());
        }
    }

    /**
     * Starts launches for the servers without one, a batch at a time while MGN has room. Servers
     * MGN cannot launch yet (no replication lag) wait for a later evaluation rather than making the
     * whole batch fail.
     */
    private void start(List<Job> jobs, Phase phase, WaveServers servers, Map<String, SourceServer> seen,
                       Instant now) {
        List<String> toStart = waiting(servers, phase).stream()
                .filter(record -> record.launch(phase) == null)
                .filter(record -> seen.containsKey(record.sourceServerId())
                        && seen.get(record.sourceServerId()).isLaunchable())
                .map(ServerRecord::sourceServerId)
                .sorted()
                .toList();
        JobCapacity capacity = JobCapacity.leftBy(jobs);
        int next = 0;
        try {
            while (next < toStart.size()) {
                int size = capacity.nextBatch(toStart.size() - next);
                if (size == 0) {
                    LOG.info("{} servers wait for MGN launch capacity: {} active jobs with {} servers in the account",
                            toStart.size() - next, capacity.activeJobs(), capacity.serversInActiveJobs());
                    return;
                }
                startSplittingOnConflict(List.copyOf(toStart.subList(next, next + size)), phase, servers, capacity, now);
                next += size;
            }
        } catch (MgnQuotaExceededException full) {
            // Another wave's jobs took the account's capacity since it was counted; the next evaluation starts more.
            LOG.info("MGN's job quota is reached; {} servers wait for the next evaluation: {}", toStart.size() - next,
                    full.getMessage());
        }
    }

    /**
     * Starts one job for the batch. MGN refuses a whole batch when one of its servers cannot launch
     * (in a job this evaluation cannot see yet, or in a state MGN will not launch from), so a refused
     * batch is split in halves that are tried on their own: one server can then hold back only itself.
     * A server refused on its own waits for the next evaluation, which adopts its job or tries again.
     */
    private void startSplittingOnConflict(List<String> batch, Phase phase, WaveServers servers,
                                          JobCapacity capacity, Instant now) {
        if (capacity.nextBatch(batch.size()) < batch.size()) {
            return;
        }
        Job job;
        try {
            job = phase == Phase.TEST ? mgn.startTest(batch) : mgn.startCutover(batch);
        } catch (MgnConflictException refused) {
            if (batch.size() == 1) {
                LOG.warn("MGN refused to start a {} launch of {}: {}", phase, batch.get(0), refused.getMessage());
                return;
            }
            int half = batch.size() / 2;
            startSplittingOnConflict(batch.subList(0, half), phase, servers, capacity, now);
            startSplittingOnConflict(batch.subList(half, batch.size()), phase, servers, capacity, now);
            return;
        }
        record(job, batch, phase, servers, now);
        servers.save();
        capacity.started(batch.size());
        LOG.info("Started MGN job {} to launch {} servers for the {}", job.id(), batch.size(), phase);
    }

    private static void record(Job job, List<String> batch, Phase phase, WaveServers servers, Instant now) {
        Map<String, Job.Participant> participants = new HashMap<>();
        job.participants().forEach(p -> participants.put(p.sourceServerId(), p));
        for (String id : batch) {
            Job.Participant participant = participants.get(id);
            Launch launch = participant == null
                    ? new Launch(job.id(), "PENDING", null, now)
                    : new Launch(job.id(), participant.launchStatus(), participant.launchedInstanceId(), now);
            servers.put(servers.get(id).withLaunch(phase, launch));
        }
    }

    /** When the server entered the launch stage (BeginWait records it), else when the wait opened. */
    private static Instant stageStart(ServerRecord record, Phase phase, Wait wait) {
        StageTime time = record.stageTimes().get(phase.launchStage());
        return time != null ? time.start() : wait.createdAt();
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}
