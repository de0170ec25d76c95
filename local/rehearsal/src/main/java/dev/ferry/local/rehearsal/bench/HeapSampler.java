package dev.ferry.local.rehearsal.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap a run used, sampled every 100 ms on a daemon thread: what a benchmark can say
 * about memory without a profiler. A sample misses peaks between two reads, so it is a lower
 * bound of the true peak, within one sampling period of allocation.
 */
public final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 100;

    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private HeapSampler() {
    }

    /** Starts sampling now. */
    public static HeapSampler start() {
        HeapSampler heap = new HeapSampler();
        heap.sample();
        heap.sampler.scheduleAtFixedRate(heap::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return heap;
    }

    /** The highest heap use sampled so far, in bytes. */
    public long peakBytes() {
        sample();
        return peak.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
    }
}
