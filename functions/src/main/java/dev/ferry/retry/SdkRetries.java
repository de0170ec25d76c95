package dev.ferry.retry;

import dev.ferry.retry.Sleeper;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.time.Duration;

/**
 * The SDK clients' retries, with their waits taken through the controller's {@link Sleeper}: the
 * SDK's standard mode (its throttling and transient-error conditions, full-jitter exponential
 * back-off from 100 ms, from 1 s when throttled, at most 20 s), but each back-off is waited by the
 * sleeper and the SDK is told to wait no more. Deployed, the sleeper sleeps the thread, exactly as
 * the SDK would; in the rehearsal it moves virtual time on, so a throttled call costs no real time.
 */
public final class SdkRetries {

    /** The SDK's standard base delays and cap. */
    static final Duration BASE_DELAY = Duration.ofMillis(100);
    static final Duration THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    /** The longest wait between two attempts of an SDK call. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private SdkRetries() {
    }

    /** The standard strategy, waiting through {@code sleeper}, with the SDK's default attempts. */
    public static RetryStrategy standard(Sleeper sleeper) {
        return waitingThrough(sleeper, AwsRetryStrategy.standardRetryStrategy().toBuilder()).build();
    }

    /** The standard strategy, waiting through {@code sleeper}, with this many attempts in all. */
    public static RetryStrategy standard(Sleeper sleeper, int maxAttempts) {
        return waitingThrough(sleeper, AwsRetryStrategy.standardRetryStrategy().toBuilder()).maxAttempts(maxAttempts)
                .build();
    }

    /** {@code builder} with the standard back-offs, each waited through {@code sleeper}. */
    public static <B extends RetryStrategy.Builder<B, ?>> B waitingThrough(Sleeper sleeper, B builder) {
        return builder
                .backoffStrategy(new SleeperBackoff(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF), sleeper))
                .throttlingBackoffStrategy(new SleeperBackoff(
                        BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, MAX_BACKOFF), sleeper));
    }

    /** Waits the delay {@code delays} computes, then leaves nothing for the SDK to wait. */
    record SleeperBackoff(BackoffStrategy delays, Sleeper sleeper) implements BackoffStrategy {

        @Override
        public Duration computeDelay(int attempt) {
            Duration delay = delays.computeDelay(attempt);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException interrupted) {
                // The SDK ends the call when its thread is interrupted; keep the flag for it to see.
                Thread.currentThread().interrupt();
            }
            return Duration.ZERO;
        }
    }
}
