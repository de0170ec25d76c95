package dev.ferry.local.mgn.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A LAUNCH or TERMINATE job and where it is in its phases. */
public final class LaunchJob {

    private final String id;
    private final String arn;
    private final JobKind kind;
    private final Instant createdAt;
    private final List<JobParticipant> participants;
    private final List<JobLogItem> log = new ArrayList<>();
    private final List<JobKind.JobPhase> remainingPhases;
    private Instant phaseStartedAt;
    private JobStatus status = JobStatus.PENDING;
    private Instant endedAt;

    LaunchJob(String id, String arn, JobKind kind, Instant createdAt, List<String> sourceServerIds) {
        this.id = id;
        this.arn = arn;
        this.kind = kind;
        this.createdAt = createdAt;
        this.participants = sourceServerIds.stream().map(JobParticipant::new).toList();
        this.remainingPhases = new ArrayList<>(kind.phases());
        this.phaseStartedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public JobKind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public JobStatus status() {
        return status;
    }

    public boolean active() {
        return status != JobStatus.COMPLETED;
    }

    public List<JobParticipant> participants() {
        return participants;
    }

    public boolean involves(String sourceServerId) {
        return participants.stream().anyMatch(p -> p.sourceServerId().equals(sourceServerId));
    }

    public List<JobLogItem> log() {
        return List.copyOf(log);
    }

    /** When the current phase ends; empty once the job is COMPLETED. */
    Optional<Instant> nextTransition() {
        return remainingPhases.isEmpty() ? Optional.empty()
                : Optional.of(phaseStartedAt.plus(remainingPhases.getFirst().duration()));
    }

    /** Ends the current phase at {@code at} and returns it. */
    JobKind.JobPhase finishPhase(Instant at) {
        phaseStartedAt = at;
        return remainingPhases.removeFirst();
    }

    void start() {
        status = JobStatus.STARTED;
    }

    void complete(Instant at) {
        status = JobStatus.COMPLETED;
        endedAt = at;
    }

    void log(Instant at, String event) {
        log.add(new JobLogItem(at, event, Map.of()));
    }

    void log(Instant at, String event, Map<String, String> eventData) {
        log.add(new JobLogItem(at, event, eventData));
    }
}
