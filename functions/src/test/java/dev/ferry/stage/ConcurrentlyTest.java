package dev.ferry.stage;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentlyTest {

    private static final List<Integer> ITEMS = IntStream.rangeClosed(1, 40).boxed().toList();

    @Test
    void resultsComeBackInTheItemsOrder() {
        assertThat(Concurrently.map(ITEMS, 8, item -> item * 10))
                .containsExactlyElementsOf(ITEMS.stream().map(item -> item * 10).toList());
    }

    @Test
    void noMoreItemsThanTheParallelismAreWorkedOnAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Concurrently.map(ITEMS, 3, item -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
            return item;
        });

        assertThat(mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void everyItemIsWorkedOnAndTheFirstFailureInItemOrderIsThrown() {
        List<Integer> worked = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> Concurrently.map(ITEMS, 8, item -> {
            worked.add(item);
            if (item == 7 || item == 30) {
                throw new IllegalStateException("failed on " + item);
            }
            return item;
        })).isInstanceOf(IllegalStateException.class).hasMessage("failed on 7");

        assertThat(worked).containsExactlyInAnyOrderElementsOf(ITEMS);
    }

    @Test
    void withAParallelismOfOneItemsAreWorkedOnInOrderAndFailuresStillWaitForTheRest() {
        List<Integer> worked = new ArrayList<>();

        assertThatThrownBy(() -> Concurrently.map(ITEMS, 1, item -> {
            worked.add(item);
            if (item == 5) {
                throw new IllegalStateException("failed on 5");
            }
            return item;
        })).hasMessage("failed on 5");

        assertThat(worked).containsExactlyElementsOf(ITEMS);
    }

    @Test
    void theCallersLogKeysReachTheWorkers() {
        MDC.put("waveId", "wave-1");
        try {
            assertThat(Concurrently.map(ITEMS, 8, item -> MDC.get("waveId"))).containsOnly("wave-1");
        } finally {
            MDC.remove("waveId");
        }
    }
}
