package dev.ferry.local.engine.asl;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * One entry of a Retry field.
 *
 * @param errorEquals the error names it handles
 * @param intervalSeconds the wait before the first retry
 * @param maxAttempts the number of retries allowed (0 means never)
 * @param backoffRate the factor by which each wait grows
 * @param maxDelaySeconds the cap on any wait, if set
 * @param fullJitter true for {@code JitterStrategy: FULL}: each wait is drawn uniformly below its cap
 */
public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
        OptionalInt maxDelaySeconds, boolean fullJitter) {

    /** The default IntervalSeconds. */
    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    /** The default MaxAttempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The default BackoffRate. */
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    /** Creates the retrier. */
    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    /**
     * The wait before the next retry, when this retrier has already retried {@code retriesSoFar} times:
     * {@code IntervalSeconds * BackoffRate^retriesSoFar}, capped by MaxDelaySeconds, then jittered.
     */
    public Duration delayBeforeRetry(int retriesSoFar, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds.isPresent()) {
            seconds = Math.min(seconds, maxDelaySeconds.getAsInt());
        }
        if (fullJitter) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
    }
}
