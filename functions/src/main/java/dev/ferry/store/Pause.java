package dev.ferry.store;

import java.time.Duration;

/** Waits between re-sends of unprocessed writes; tests replace it so that nothing sleeps for real. */
@FunctionalInterface
interface Pause {

    /** Sleeps on the current thread. */
    Pause SLEEP = duration -> Thread.sleep(duration);

    void pause(Duration duration) throws InterruptedException;
}
