package dev.ferry.local.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void timeStandsStillUntilTheClockIsAdvanced() {
        VirtualClock clock = new VirtualClock(START);

        clock.advanceBy(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    @Test
    void theClockRefusesToGoBackwards() {
        VirtualClock clock = new VirtualClock(START);

        assertThatThrownBy(() -> clock.advanceTo(START.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
    }

    @Test
    void zoneViewsShareOneTimeLine() {
        VirtualClock clock = new VirtualClock(START);
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advanceBy(Duration.ofHours(1));

        assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aFlowingClockAdvancesWithRealTimeAtItsRateUpToTheCeiling() {
        AtomicLong realNanos = new AtomicLong();
        VirtualClock clock = new VirtualClock(START, realNanos::get);

        clock.flowTowards(START.plusSeconds(100), 60.0);
        realNanos.addAndGet(Duration.ofSeconds(1).toNanos());
        Instant afterOneRealSecond = clock.instant();
        realNanos.addAndGet(Duration.ofSeconds(10).toNanos());
        Instant afterElevenRealSeconds = clock.instant();
        clock.freeze();
        realNanos.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(afterOneRealSecond).isEqualTo(START.plusSeconds(60));
        assertThat(afterElevenRealSeconds).isEqualTo(START.plusSeconds(100));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(100));
    }
}
