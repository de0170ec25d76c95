package dev.ferry.mgn;

import java.util.Collection;

/**
 * How many more servers MGN accepts in a job now (a launch or a termination). MGN's quotas count
 * every active job in the account, other people's too: at most 200 servers across active jobs and
 * 20 active jobs; and the user guide asks for at most 100 servers per StartTest, StartCutover or
 * TerminateTargetInstances call.
 */
public final class JobCapacity {

    public static final int MAX_SERVERS_PER_START = 100;
    public static final int MAX_SERVERS_IN_ACTIVE_JOBS = 200;
    public static final int MAX_ACTIVE_JOBS = 20;

    private int activeJobs;
    private int serversInActiveJobs;

    private JobCapacity(int activeJobs, int serversInActiveJobs) {
        this.activeJobs = activeJobs;
        this.serversInActiveJobs = serversInActiveJobs;
    }

    /** The capacity left by these jobs (only the active ones count). */
    public static JobCapacity leftBy(Collection<Job> jobs) {
        int active = 0;
        int servers = 0;
        for (Job job : jobs) {
            if (job.isActive()) {
                active++;
                servers += job.participants().size();
            }
        }
        return new JobCapacity(active, servers);
    }

    /** How many of the {@code waiting} servers the next start may take; 0 when MGN has no room. */
    public int nextBatch(int waiting) {
        if (activeJobs >= MAX_ACTIVE_JOBS) {
            return 0;
        }
        int room = MAX_SERVERS_IN_ACTIVE_JOBS - serversInActiveJobs;
        return Math.max(0, Math.min(waiting, Math.min(MAX_SERVERS_PER_START, room)));
    }

    /** A job with this many servers was just started. */
    public void started(int servers) {
        activeJobs++;
        serversInActiveJobs += servers;
    }

    public int activeJobs() {
        return activeJobs;
    }

    public int serversInActiveJobs() {
        return serversInActiveJobs;
    }
}
