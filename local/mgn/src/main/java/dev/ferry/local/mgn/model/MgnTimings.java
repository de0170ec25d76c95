package dev.ferry.local.mgn.model;

import java.time.Duration;

/**
 * How long the simulated MGN takes for each step. Real MGN takes minutes for each of these; the rehearsal runs
 * on a virtual clock, so realistic values cost nothing.
 */
public final class MgnTimings {

    /** Replication server launch, staging disks and agent pairing before the first byte is copied. */
    public static final Duration INITIATING = Duration.ofMinutes(5);
    /** The snapshot taken when the initial sync completes, before replication becomes CONTINUOUS. */
    public static final Duration CREATING_SNAPSHOT = Duration.ofMinutes(2);
    /** The {@code lagDuration} reported while replication is CONTINUOUS. */
    public static final Duration CONTINUOUS_LAG = Duration.ofSeconds(2);
    /** How often MGN takes a point-in-time snapshot of a continuously replicating server. */
    public static final Duration SNAPSHOT_INTERVAL = Duration.ofMinutes(10);
    /** A job waits this long in PENDING before it STARTS. */
    public static final Duration JOB_PENDING = Duration.ofMinutes(1);
    /** A launch job's snapshot of the replicated disks. */
    public static final Duration JOB_SNAPSHOT = Duration.ofMinutes(1);
    /** A launch job's conversion server run. */
    public static final Duration JOB_CONVERSION = Duration.ofMinutes(6);
    /** A launch job's instance launch, until LAUNCHED or FAILED. */
    public static final Duration JOB_LAUNCH = Duration.ofMinutes(2);
    /** A terminate job's instance termination. */
    public static final Duration JOB_TERMINATION = Duration.ofMinutes(2);

    private MgnTimings() {
    }

    /** Time to copy {@code bytes} at {@code bytesPerSecond}, rounded up to the millisecond. */
    public static Duration transferTime(long bytes, double bytesPerSecond) {
        return Duration.ofMillis((long) Math.ceil(bytes / bytesPerSecond * 1000));
    }

    /** Time from {@code StartTest}/{@code StartCutover} until the job is COMPLETED. */
    public static Duration launchJobDuration() {
        return JOB_PENDING.plus(JOB_SNAPSHOT).plus(JOB_CONVERSION).plus(JOB_LAUNCH);
    }

    /** Time from {@code TerminateTargetInstances} until the job is COMPLETED. */
    public static Duration terminateJobDuration() {
        return JOB_PENDING.plus(JOB_TERMINATION);
    }
}
