package dev.ferry.local.mgn.events;

import java.time.Instant;

/**
 * One delivery of an event to the bus's targets.
 *
 * @param event     the event delivered
 * @param deliverAt the virtual time at which the targets receive it
 */
public record EventDelivery(MgnEvent event, Instant deliverAt) {
}
