package dev.ferry.local.rehearsal;

import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualSleeperTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void unpacedAWaitMovesVirtualTimeOnByItsDuration() throws InterruptedException {
        Scheduler scheduler = new Scheduler(new VirtualClock(START));

        new VirtualSleeper(scheduler).sleep(Duration.ofSeconds(10));

        assertThat(scheduler.clock().instant()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void pacedAWaitLeavesVirtualTimeToTheScheduler() throws InterruptedException {
        // A thousand virtual seconds per real second: the 10 s wait takes 10 ms of real time.
        Scheduler scheduler = new Scheduler(new VirtualClock(START), 1000);

        new VirtualSleeper(scheduler).sleep(Duration.ofSeconds(10));

        assertThat(scheduler.clock().instant()).isEqualTo(START);
    }
}
