package dev.ferry.server;

import java.time.Duration;
import java.time.Instant;

/**
 * One holder at a time for a wave's stage (the DynamoDB table). Step Functions may run a stage's
 * retry while the attempt it gave up on still runs; a stage whose side effects must happen once
 * per server (finalize, archive) takes the lease first, so the two never act on the same servers
 * together. A lease lapses by itself, so a holder that dies holds it at most {@code lease} long.
 */
public interface StageLeases {

    /** Takes the stage's lease until {@code now + lease} unless another holder's has not lapsed. */
    boolean tryTake(String waveId, Stage stage, String holder, Instant now, Duration lease);

    /** Gives the lease back, if {@code holder} still has it. */
    void giveBack(String waveId, Stage stage, String holder);
}
