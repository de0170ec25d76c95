package dev.ferry.local.mgn.environment;

/**
 * Makes the MGN API throttle: every Nth call answers 429 {@code ThrottlingException}.
 *
 * @param everyNthCall      N, at least 2
 * @param retryAfterSeconds the {@code Retry-After} header value sent with each 429
 */
public record ThrottlingSpec(int everyNthCall, int retryAfterSeconds) {
}
