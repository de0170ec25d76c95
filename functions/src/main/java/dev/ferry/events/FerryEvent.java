package dev.ferry.events;

import java.time.Instant;
import java.util.List;

/**
 * One event of Ferry's own for the default event bus ({@code source: ferry}).
 *
 * @param type      what happened
 * @param time      when, on the controller's clock
 * @param resources the ARNs the event is about: the wave's Step Functions execution
 * @param detail    the event's {@code detail}, one of the {@link FerryEventDetail} shapes
 */
public record FerryEvent(FerryEventType type, Instant time, List<String> resources, FerryEventDetail detail) {

    /** The {@code source} of every Ferry event, what a rule matches them on. */
    public static final String SOURCE = "ferry";

    public FerryEvent {
        resources = List.copyOf(resources);
    }
}
