package dev.ferry.retry;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Which failures of an AWS call are worth the same call again later: throttling, 5xx answers, I/O
 * errors and time-outs, clock skew. Everything else (a validation error, a missing resource, a
 * conflict) would fail the same way again.
 */
public final class TransientFailures {

    private static final Set<Integer> TRANSIENT_STATUS_CODES = Set.of(500, 502, 503, 504);

    private TransientFailures() {
    }

    /** Whether the service (or anything between) asked the caller to slow down. */
    public static boolean isThrottling(Throwable failure) {
        return failure instanceof SdkException sdkException && RetryUtils.isThrottlingException(sdkException);
    }

    /** Whether the call may well succeed if made again, throttling included. */
    public static boolean isTransient(Throwable failure) {
        return isThrottling(failure) || isTransientButNotThrottling(failure);
    }

    /** The failures the SDK retries by default, minus throttling. */
    public static boolean isTransientButNotThrottling(Throwable failure) {
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
