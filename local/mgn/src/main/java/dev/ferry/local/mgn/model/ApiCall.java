package dev.ferry.local.mgn.model;

import java.time.Instant;

/**
 * One MGN API call as the simulator answered it.
 *
 * @param operation   the operation name, e.g. {@code StartTest} (the request path for unknown operations)
 * @param requestJson the request body as received
 * @param status      the HTTP status answered
 * @param time        the virtual time of the call
 */
public record ApiCall(String operation, String requestJson, int status, Instant time) {
}
