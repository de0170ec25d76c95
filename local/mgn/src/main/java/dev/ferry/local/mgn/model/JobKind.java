package dev.ferry.local.mgn.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What started a job, which fixes its {@code type}, {@code initiatedBy} and its phases. */
public enum JobKind {
    TEST("LAUNCH", "START_TEST", LaunchKind.TEST),
    CUTOVER("LAUNCH", "START_CUTOVER", LaunchKind.CUTOVER),
    TERMINATE("TERMINATE", "TERMINATE", null);

    private final String type;
    private final String initiatedBy;
    private final LaunchKind launches;

    JobKind(String type, String initiatedBy, LaunchKind launches) {
        this.type = type;
        this.initiatedBy = initiatedBy;
        this.launches = launches;
    }

    /** The job {@code type}: LAUNCH or TERMINATE. */
    public String type() {
        return type;
    }

    /** The job {@code initiatedBy}. */
    public String initiatedBy() {
        return initiatedBy;
    }

    /** The kind of instance the job launches; empty for a terminate job. */
    public Optional<LaunchKind> launches() {
        return Optional.ofNullable(launches);
    }

    /** The phases the job goes through after it is created, in order. */
    List<JobPhase> phases() {
        return launches == null
                ? List.of(JobPhase.PENDING, JobPhase.TERMINATION)
                : List.of(JobPhase.PENDING, JobPhase.SNAPSHOT, JobPhase.CONVERSION, JobPhase.LAUNCH);
    }

    /** A phase of a job, with how long it lasts. */
    enum JobPhase {
        PENDING(MgnTimings.JOB_PENDING),
        SNAPSHOT(MgnTimings.JOB_SNAPSHOT),
        CONVERSION(MgnTimings.JOB_CONVERSION),
        LAUNCH(MgnTimings.JOB_LAUNCH),
        TERMINATION(MgnTimings.JOB_TERMINATION);

        private final Duration duration;

        JobPhase(Duration duration) {
            this.duration = duration;
        }

        Duration duration() {
            return duration;
        }
    }
}
