package dev.ferry.stage;

import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs blocking per-server work on virtual threads, a bounded number at a time, so that a
 * 1,000-server wave finishes in one invocation without opening more sockets than Lambda allows or
 * calling MGN faster than it likes.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Applies {@code work} to every item, at most {@code parallelism} at once, and returns the
     * results in the items' order. Every item is worked on even when one fails; then the first
     * failure, in item order, is thrown as it was thrown (so that its class name reaches Step
     * Functions). With a parallelism of 1 the items are worked on in order, on the calling thread.
     */
    public static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> work) {
        if (parallelism == 1) {
            return inOrder(items, work);
        }
        Semaphore permits = new Semaphore(parallelism);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        if (logContext != null) {
                            MDC.setContextMap(logContext);
                        }
                        return work.apply(item);
                    } finally {
                        MDC.clear();
                        permits.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>(futures.size());
        for (Future<R> future : futures) {
            results.add(resultOf(future));
        }
        return results;
    }

    /** One item after the other on the calling thread, so that the order is the items' order. */
    private static <T, R> List<R> inOrder(List<T> items, Function<T, R> work) {
        List<R> results = new ArrayList<>(items.size());
        RuntimeException firstFailure = null;
        for (T item : items) {
            try {
                results.add(work.apply(item));
            } catch (RuntimeException failure) {
                firstFailure = firstFailure == null ? failure : firstFailure;
                results.add(null);
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return results;
    }

    private static <R> R resultOf(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for per-server work", interrupted);
        }
    }
}
