package dev.ferry.mgn;

import dev.ferry.retry.SdkRetries;
import dev.ferry.retry.Sleeper;
import dev.ferry.retry.TransientFailures;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How the MGN SDK client retries. Throttling is left out on purpose: {@link ThrottlingRetry}
 * handles it with MGN's {@code Retry-After}, and an SDK retry underneath would multiply the
 * attempts and ignore that header. Every other transient failure (5xx, I/O errors, clock skew,
 * attempt time-outs) the SDK retries as it would by default.
 */
public final class MgnRetryPolicy {

    /** The SDK's default number of attempts in standard mode. */
    static final int SDK_MAX_ATTEMPTS = 3;

    private MgnRetryPolicy() {
    }

    /**
     * The SDK's standard strategy retrying only {@link TransientFailures#isTransientButNotThrottling}.
     * Client defaults are switched off, or the client would add its throttling condition back. Its
     * back-off is waited through {@code sleeper}, as every SDK client's.
     */
    public static RetryStrategy sdkRetryStrategy(Sleeper sleeper) {
        return SdkRetries.waitingThrough(sleeper, DefaultRetryStrategy.standardStrategyBuilder())
                .retryOnException(TransientFailures::isTransientButNotThrottling)
                .maxAttempts(SDK_MAX_ATTEMPTS)
                .useClientDefaults(false)
                .build();
    }
}
