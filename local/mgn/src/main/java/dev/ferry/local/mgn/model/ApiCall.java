package dev.ferry.local.mgn.model;

import java.time.Instant;

/**
 * One MGN API call as the simulator answered it.
 *
 * @param operation       the operation name, e.g. {@code StartTest} (the request path for unknown operations)
 * @param requestJson     the request body as received
 * @param status          the HTTP status answered
 * @param time            the virtual time of the call
 * @param sdkInvocationId the AWS SDK's {@code amz-sdk-invocation-id}, the same on every attempt the SDK
 *                        makes of one call (its own retries re-send it); empty when the caller sent none
 */
public record ApiCall(String operation, String requestJson, int status, Instant time, String sdkInvocationId) {

    /** A call without an SDK invocation id. */
    public ApiCall(String operation, String requestJson, int status, Instant time) {
        this(operation, requestJson, status, time, "");
    }
}
