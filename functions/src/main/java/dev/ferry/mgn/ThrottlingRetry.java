package dev.ferry.mgn;

import dev.ferry.retry.Sleeper;
import dev.ferry.retry.TransientFailures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries an MGN call that was throttled (HTTP 429). It waits what MGN's {@code Retry-After}
 * header asks (in seconds) when present, or an exponential back-off otherwise; it makes at most
 * {@link #MAX_ATTEMPTS} attempts and never waits more than {@link #MAX_TOTAL_WAIT} in all, so that
 * a function ends well within its time-out. After that it throws {@link MgnThrottledException},
 * which the state machine retries with a longer back-off. No published per-API rate exists for
 * MGN, so waiting as told is the only reliable pacing.
 */
final class ThrottlingRetry {

    static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_TOTAL_WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(ThrottlingRetry.class);
    private static final String RETRY_AFTER = "Retry-After";

    private final Sleeper sleeper;

    ThrottlingRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** Runs {@code call}, retrying it while MGN throttles it. */
    <T> T call(String operation, Supplier<T> call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            AwsServiceException throttled;
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!TransientFailures.isThrottling(e)) {
                    throw e;
                }
                throttled = e;
            }
            Duration wait = nextWait(throttled, attempt);
            if (attempt >= MAX_ATTEMPTS || waited.plus(wait).compareTo(MAX_TOTAL_WAIT) > 0) {
                throw new MgnThrottledException("MGN throttled " + operation + " " + attempt
                        + " times in a row; gave up after waiting " + waited.toMillis() + " ms", throttled);
            }
            LOG.warn("MGN throttled {} (attempt {} of {}); retrying in {} ms",
                    operation, attempt, MAX_ATTEMPTS, wait.toMillis());
            sleep(operation, wait, throttled);
            waited = waited.plus(wait);
        }
    }

    /** {@code Retry-After} when MGN sent a usable one, else 1 s, 2 s, 4 s... */
    private static Duration nextWait(AwsServiceException throttled, int attempt) {
        return retryAfter(throttled).orElseGet(() -> FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
    }

    private static Optional<Duration> retryAfter(AwsServiceException throttled) {
        Optional<String> header = throttled instanceof ThrottlingException mgnThrottling
                && mgnThrottling.retryAfterSeconds() != null
                ? Optional.of(mgnThrottling.retryAfterSeconds())
                : Optional.ofNullable(throttled.awsErrorDetails())
                        .flatMap(details -> Optional.ofNullable(details.sdkHttpResponse()))
                        .flatMap(response -> response.firstMatchingHeader(RETRY_AFTER));
        return header.flatMap(ThrottlingRetry::seconds);
    }

    /** Whole seconds as MGN sends them; the HTTP-date form and junk fall back to the back-off. */
    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private void sleep(String operation, Duration wait, AwsServiceException throttled) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            MgnThrottledException failure = new MgnThrottledException(
                    "Interrupted while waiting to retry throttled MGN " + operation, throttled);
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }
}
