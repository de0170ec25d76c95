package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Carries a job through its phases and applies what each phase does to servers and instances. */
final class JobRunner {

    private final Function<String, SourceServer> servers;
    private final InstanceRegistry instances;
    private final IdGenerator ids;
    private final EventOutbox outbox;

    JobRunner(Function<String, SourceServer> servers, InstanceRegistry instances, IdGenerator ids,
              EventOutbox outbox) {
        this.servers = servers;
        this.instances = instances;
        this.ids = ids;
        this.outbox = outbox;
    }

    /** Ends the job's current phase at {@code at}. */
    void advance(LaunchJob job, Instant at) {
        switch (job.finishPhase(at)) {
            case PENDING -> start(job, at);
            case SNAPSHOT -> forEachServer(job, at, "SNAPSHOT_END", "CONVERSION_START");
            case CONVERSION -> forEachServer(job, at, "CONVERSION_END", "LAUNCH_START");
            case LAUNCH -> finishLaunch(job, at);
            case TERMINATION -> finishTermination(job, at);
        }
    }

    private void start(LaunchJob job, Instant at) {
        job.start();
        job.log(at, "JOB_START");
        for (JobParticipant participant : job.participants()) {
            participant.update(LaunchStatus.IN_PROGRESS);
            job.log(at, "CLEANUP_START", serverData(participant));
            if (job.kind().launches().isPresent()) {
                cleanUpBeforeLaunch(job, participant, at);
                job.log(at, "SNAPSHOT_START", serverData(participant));
            }
        }
    }

    /**
     * A new test replaces the previous test instance; a cutover removes the test instance and any earlier
     * cutover instance.
     */
    private void cleanUpBeforeLaunch(LaunchJob job, JobParticipant participant, Instant at) {
        List<LaunchKind> replaced = job.kind() == JobKind.TEST
                ? List.of(LaunchKind.TEST)
                : List.of(LaunchKind.TEST, LaunchKind.CUTOVER);
        instances.terminateRunning(participant.sourceServerId(), replaced);
        job.log(at, "CLEANUP_END", serverData(participant));
    }

    private void forEachServer(LaunchJob job, Instant at, String endEvent, String startEvent) {
        for (JobParticipant participant : job.participants()) {
            job.log(at, endEvent, serverData(participant));
            job.log(at, startEvent, startEvent.equals("CONVERSION_START")
                    ? Map.of("sourceServerID", participant.sourceServerId(), "conversionServerID", ids.ec2InstanceId())
                    : serverData(participant));
        }
    }

    private void finishLaunch(LaunchJob job, Instant at) {
        LaunchKind kind = job.kind().launches().orElseThrow();
        for (JobParticipant participant : job.participants()) {
            SourceServer server = servers.apply(participant.sourceServerId());
            boolean fails = kind == LaunchKind.TEST
                    ? server.spec().faults().testLaunchFails()
                    : server.spec().faults().cutoverLaunchFails();
            if (fails) {
                participant.update(LaunchStatus.FAILED);
                job.log(at, "LAUNCH_FAILED", Map.of("sourceServerID", server.id(),
                        "rawError", "Failed to launch the " + kind.name().toLowerCase() + " instance"));
            } else {
                TargetInstance instance = instances.launch(server, kind, job.id(), at);
                participant.update(LaunchStatus.LAUNCHED, instance.instanceId());
                server.launched(new LaunchedInstanceInfo(instance.instanceId(), job.id(), "SUCCEEDED"));
            }
            outbox.launchResult(server, at, kind, !fails, job.id());
        }
        complete(job, at);
    }

    private void finishTermination(LaunchJob job, Instant at) {
        for (JobParticipant participant : job.participants()) {
            List<TargetInstance> terminated = instances.terminateRunning(participant.sourceServerId(),
                    List.of(LaunchKind.TEST, LaunchKind.CUTOVER));
            participant.update(LaunchStatus.TERMINATED,
                    terminated.isEmpty() ? null : terminated.getLast().instanceId());
            servers.apply(participant.sourceServerId()).clearLaunchedInstance();
            job.log(at, "CLEANUP_END", serverData(participant));
        }
        complete(job, at);
    }

    private static void complete(LaunchJob job, Instant at) {
        job.log(at, "JOB_END");
        job.complete(at);
    }

    private static Map<String, String> serverData(JobParticipant participant) {
        return Map.of("sourceServerID", participant.sourceServerId());
    }
}
