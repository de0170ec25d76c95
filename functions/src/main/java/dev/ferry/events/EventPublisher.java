package dev.ferry.events;

import java.util.List;

/**
 * Puts Ferry's events on the default event bus. Publishing is best effort: an event that cannot be
 * put is logged, never thrown, so that telling about a stage never fails the stage.
 */
public interface EventPublisher {

    /** Publishes the events in order, as few calls as the bus allows. */
    void publish(List<FerryEvent> events);
}
