package dev.ferry.local.cloud.events;

import java.time.Duration;

/**
 * A {@code Schedule} event of a function: EventBridge invokes it every {@code rate}.
 *
 * @param name     the rule's name (the function's logical ID and the event's name, as SAM names it)
 * @param rate     the period of its {@code rate(...)} expression
 * @param function the logical ID of the target function
 */
public record ScheduleRule(String name, Duration rate, String function) {
}
