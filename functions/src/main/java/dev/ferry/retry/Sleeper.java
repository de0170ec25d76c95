package dev.ferry.retry;

import java.time.Duration;

/**
 * Waits between attempts. Injected so that tests record the waits instead of sleeping and the
 * offline rehearsal can advance its virtual clock.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread for real. */
    static Sleeper threadSleep() {
        return Thread::sleep;
    }
}
