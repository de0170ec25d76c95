package dev.ferry.waits;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The EventBridge Scheduled Event that starts the reconciler. Nothing in it steers the sweep; the
 * reconciler only logs when the schedule fired, so that a late or missed run can be seen.
 *
 * @param id         the event's ID
 * @param detailType {@code Scheduled Event}
 * @param source     {@code aws.events}
 * @param time       when the schedule fired
 */
public record ScheduledTick(String id, @JsonProperty("detail-type") String detailType, String source, Instant time) {
}
