package dev.ferry.wave;

import java.time.Duration;

/**
 * How long the waiting stages may take.
 *
 * @param replication  from the wave's start until every server is ready for testing
 * @param launch       for a test or cutover launch job to finish, from when MGN's job for it starts
 * @param approval     for a person to approve the cutover
 * @param stallNotice  how long replication may be stalled before people are told
 * @param stallRetry   how long replication may be stalled before Ferry calls RetryDataReplication
 */
public record TimeLimits(Duration replication, Duration launch, Duration approval, Duration stallNotice, Duration stallRetry) {

    /** MGN launches at most this many servers across the account's active jobs at once (a quota). */
    public static final int SERVERS_LAUNCHING_AT_ONCE = 200;

    /**
     * How long a launch stage of this many servers may wait for its launches to start: one launch
     * limit for each round of {@value #SERVERS_LAUNCHING_AT_ONCE} servers that MGN can launch at
     * once, since a server queued behind other servers' jobs must not be charged for their time.
     * A launch started within it still gets its whole {@link #launch()} to finish.
     */
    public Duration launchQueue(int servers) {
        int rounds = Math.max(1, (servers + SERVERS_LAUNCHING_AT_ONCE - 1) / SERVERS_LAUNCHING_AT_ONCE);
        return launch.multipliedBy(rounds);
    }

    /** The longest a launch stage of this many servers can take: its queue, then a last launch. */
    public Duration launchStage(int servers) {
        return launchQueue(servers).plus(launch);
    }
}
