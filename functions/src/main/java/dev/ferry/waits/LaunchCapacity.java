package dev.ferry.waits;

import dev.ferry.mgn.Job;

import java.util.Collection;

/**
 * How many more servers MGN accepts in a launch now. MGN's quotas count every active job in the
 * account, other people's too: at most 200 servers across active jobs and 20 active jobs; and the
 * user guide asks for at most 100 servers per StartTest or StartCutover call.
 */
final class LaunchCapacity {

    static final int MAX_SERVERS_PER_START = 100;
    static final int MAX_SERVERS_IN_ACTIVE_JOBS = 200;
    static final int MAX_ACTIVE_JOBS = 20;

    private int activeJobs;
    private int serversInActiveJobs;

    private LaunchCapacity(int activeJobs, int serversInActiveJobs) {
        this.activeJobs = activeJobs;
        this.serversInActiveJobs = serversInActiveJobs;
    }

    /** The capacity left by these jobs (only the active ones count). */
    static LaunchCapacity leftBy(Collection<Job> jobs) {
        int active = 0;
        int servers = 0;
        for (Job job : jobs) {
            if (job.isActive()) {
                active++;
                servers += job.participants().size();
            }
        }
        return new LaunchCapacity(active, servers);
    }

    /** How many of the {@code waiting} servers the next start may take; 0 when MGN has no room. */
    int nextBatch(int waiting) {
        if (activeJobs >= MAX_ACTIVE_JOBS) {
            return 0;
        }
        int room = MAX_SERVERS_IN_ACTIVE_JOBS - serversInActiveJobs;
        return Math.max(0, Math.min(waiting, Math.min(MAX_SERVERS_PER_START, room)));
    }

    /** A job with this many servers was just started. */
    void started(int servers) {
        activeJobs++;
        serversInActiveJobs += servers;
    }

    int activeJobs() {
        return activeJobs;
    }

    int serversInActiveJobs() {
        return serversInActiveJobs;
    }
}
