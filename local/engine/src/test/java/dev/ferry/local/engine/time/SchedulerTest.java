package dev.ferry.local.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant FAR = START.plus(Duration.ofDays(365));

    private final VirtualClock clock = new VirtualClock(START);
    private final Scheduler scheduler = new Scheduler(clock);
    private final List<String> log = new ArrayList<>();

    @Test
    void actionsRunInVirtualTimeOrderWithTheClockAtEachActionsTime() {
        scheduler.schedule(START.plusSeconds(30), () -> log.add("b@" + clock.instant()));
        scheduler.schedule(START.plusSeconds(10), () -> log.add("a@" + clock.instant()));

        RunOutcome outcome = scheduler.runUntil(() -> false, FAR);

        assertThat(outcome).isEqualTo(RunOutcome.IDLE);
        assertThat(log).containsExactly("a@" + START.plusSeconds(10), "b@" + START.plusSeconds(30));
    }

    @Test
    void actionsDueAtTheSameTimeRunInSubmissionOrder() {
        scheduler.submit(() -> log.add("first"));
        scheduler.submit(() -> log.add("second"));
        scheduler.schedule(START, () -> log.add("third"));

        scheduler.runUntil(() -> false, FAR);

        assertThat(log).containsExactly("first", "second", "third");
    }

    @Test
    void anActionScheduledInThePastRunsNowWithoutMovingTheClockBack() {
        clock.advanceTo(START.plusSeconds(60));
        scheduler.schedule(START, () -> log.add("late@" + clock.instant()));

        scheduler.runUntil(() -> false, FAR);

        assertThat(log).containsExactly("late@" + START.plusSeconds(60));
    }

    @Test
    void aCancelledActionNeverRunsAndNeverMovesTheClock() {
        ScheduledAction timer = scheduler.schedule(START.plus(Duration.ofHours(5)), () -> log.add("timer"));
        scheduler.schedule(START.plusSeconds(1), () -> log.add("work"));

        timer.cancel();
        scheduler.runUntil(() -> false, FAR);

        assertThat(log).containsExactly("work");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void runningStopsAsSoonAsTheConditionHolds() {
        scheduler.schedule(START.plusSeconds(1), () -> log.add("one"));
        scheduler.schedule(START.plusSeconds(2), () -> log.add("two"));

        RunOutcome outcome = scheduler.runUntil(() -> log.contains("one"), FAR);

        assertThat(outcome).isEqualTo(RunOutcome.DONE);
        assertThat(log).containsExactly("one");
        assertThat(scheduler.pendingCount()).isEqualTo(1);
    }

    @Test
    void runningStopsAtTheVirtualLimitWithTheClockAtTheLimit() {
        scheduler.schedule(START.plus(Duration.ofHours(2)), () -> log.add("later"));

        RunOutcome outcome = scheduler.runUntil(() -> false, START.plus(Duration.ofHours(1)));

        assertThat(outcome).isEqualTo(RunOutcome.TIME_LIMIT);
        assertThat(log).isEmpty();
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void actionsCanScheduleFurtherActions() {
        scheduler.schedule(START.plusSeconds(5), () -> {
            log.add("parent");
            scheduler.schedule(clock.instant().plusSeconds(5), () -> log.add("child@" + clock.instant()));
        });

        scheduler.runUntil(() -> false, FAR);

        assertThat(log).containsExactly("parent", "child@" + START.plusSeconds(10));
    }

    @Test
    void aPacedWaitIsWokenAtOnceByASubmissionFromAnotherThread() throws Exception {
        Scheduler paced = new Scheduler(clock, 1.0);
        paced.schedule(START.plus(Duration.ofHours(1)), () -> log.add("hourly"));
        AtomicBoolean answered = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        paced.submit(running::countDown);
        Thread person = Thread.ofVirtual().start(() -> {
            awaitQuietly(running);
            paced.submit(() -> answered.set(true));
        });
        long realStart = System.nanoTime();

        RunOutcome outcome = paced.runUntil(answered::get, FAR);

        person.join();
        assertThat(outcome).isEqualTo(RunOutcome.DONE);
        assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
        assertThat(log).isEmpty();
        assertThat(clock.instant()).isBefore(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFastPaceStillReachesEventsInOrder() {
        Scheduler paced = new Scheduler(clock, 1e9);
        paced.schedule(START.plusSeconds(2), () -> log.add("two"));
        paced.schedule(START.plusSeconds(1), () -> log.add("one"));

        RunOutcome outcome = paced.runUntil(() -> log.size() == 2, FAR);

        assertThat(outcome).isEqualTo(RunOutcome.DONE);
        assertThat(log).containsExactly("one", "two");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void changingTheSpeedToUnpacedLetsTimeJumpAgain() {
        Scheduler paced = new Scheduler(clock, 1e9);
        paced.setSpeed(Double.POSITIVE_INFINITY);
        paced.schedule(START.plus(Duration.ofDays(30)), () -> log.add("month"));

        paced.runUntil(() -> false, FAR);

        assertThat(paced.speed()).isInfinite();
        assertThat(log).containsExactly("month");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
