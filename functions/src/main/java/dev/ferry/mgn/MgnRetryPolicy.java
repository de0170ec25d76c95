package dev.ferry.mgn;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * How the MGN SDK client retries. Throttling is left out on purpose: {@link ThrottlingRetry}
 * handles it with MGN's {@code Retry-After}, and an SDK retry underneath would multiply the
 * attempts and ignore that header. Every other transient failure (5xx, I/O errors, clock skew,
 * attempt time-outs) the SDK retries as it would by default.
 */
public final class MgnRetryPolicy {

    /** The SDK's default number of attempts in standard mode. */
    static final int SDK_MAX_ATTEMPTS = 3;

    private static final Set<Integer> TRANSIENT_STATUS_CODES = Set.of(500, 502, 503, 504);

    private MgnRetryPolicy() {
    }

    /**
     * The SDK's standard strategy retrying only {@link #isTransientButNotThrottling(Throwable)}.
     * Client defaults are switched off, or the client would add its throttling condition back.
     */
    public static RetryStrategy sdkRetryStrategy() {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .retryOnException(MgnRetryPolicy::isTransientButNotThrottling)
                .maxAttempts(SDK_MAX_ATTEMPTS)
                .useClientDefaults(false)
                .build();
    }

    /** Whether MGN (or anything between) asked the caller to slow down. */
    static boolean isThrottling(Throwable failure) {
        return failure instanceof SdkException sdkException && RetryUtils.isThrottlingException(sdkException);
    }

    /** The failures the SDK retries by default, minus throttling. */
    static boolean isTransientButNotThrottling(Throwable failure) {
        if (isThrottling(failure)) {
            return false;
        }
        if (failure instanceof SdkException sdkException
                && (sdkException.retryable()
                || RetryUtils.isRetryableException(sdkException)
                || RetryUtils.isClockSkewException(sdkException))) {
            return true;
        }
        if (failure instanceof SdkServiceException serviceException
                && TRANSIENT_STATUS_CODES.contains(serviceException.statusCode())) {
            return true;
        }
        return hasTransientCause(failure);
    }

    private static boolean hasTransientCause(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof IOException
                    || current instanceof UncheckedIOException
                    || current instanceof RetryableException
                    || current instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
