package dev.ferry.wave;

import java.time.Duration;

/**
 * How long the waiting stages may take.
 *
 * @param replication  from the wave's start until every server is ready for testing
 * @param launch       for a test or cutover launch job to finish
 * @param approval     for a person to approve the cutover
 * @param stallNotice  how long replication may be stalled before people are told
 * @param stallRetry   how long replication may be stalled before Ferry calls RetryDataReplication
 */
public record TimeLimits(Duration replication, Duration launch, Duration approval, Duration stallNotice, Duration stallRetry) {
}
