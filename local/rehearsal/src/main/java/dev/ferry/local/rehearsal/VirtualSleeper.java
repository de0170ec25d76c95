package dev.ferry.local.rehearsal;

import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.retry.Sleeper;

import java.time.Duration;

/**
 * How a function waits in the local cloud (a throttled call's Retry-After, a DNS change's
 * propagation): in virtual time. Unpaced, as a rehearsal runs by default, the wait moves the
 * virtual clock on at once, as if the function had spent that long, and takes no real time. Paced
 * (a person follows along), virtual time flows only between actions, so the wait takes the real
 * time the pace gives it: the duration divided by the virtual seconds per real second. Waits on
 * several threads at once (a handler's parallel MGN calls) add up: virtual time then runs a little
 * ahead of what Lambda would spend, never behind it.
 */
public final class VirtualSleeper implements Sleeper {

    private final Scheduler scheduler;

    public VirtualSleeper(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        double speed = scheduler.speed();
        if (Double.isInfinite(speed)) {
            scheduler.clock().advanceBy(duration);
        } else {
            Thread.sleep(Math.round(duration.toMillis() / speed));
        }
    }
}
