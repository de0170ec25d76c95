package dev.ferry.local.mgn.events;

import dev.ferry.local.mgn.environment.EventFaults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides how EventBridge delivers each MGN event, applying the event faults of the event's server: EventBridge
 * delivery is best effort, so events may be lost, duplicated or arrive out of order.
 */
public final class EventDeliveryPlan {

    /**
     * How late a reordered event arrives. Long enough for the follow-up of a stall (recovery) or of a launch
     * (the next step's event) to overtake it in a rehearsal.
     */
    public static final Duration REORDER_DELAY = Duration.ofMinutes(30);
    /** Gap between the two deliveries of a duplicated event, like a target retry. */
    public static final Duration DUPLICATE_GAP = Duration.ofSeconds(5);

    private final Map<String, EventFaults> faultsBySourceServerId;

    /** A plan for servers with the given faults; servers not in the map get faithful delivery. */
    public EventDeliveryPlan(Map<String, EventFaults> faultsBySourceServerId) {
        this.faultsBySourceServerId = Map.copyOf(faultsBySourceServerId);
    }

    /**
     * The deliveries of one event, in delivery order: none when lost, two when duplicated, each
     * {@link #REORDER_DELAY} late when reordered.
     */
    public List<EventDelivery> deliveriesFor(MgnEvent event) {
        EventFaults faults = faultsBySourceServerId.getOrDefault(event.sourceServerId(), EventFaults.NONE);
        if (faults.lost()) {
            return List.of();
        }
        Instant first = faults.reordered() ? event.time().plus(REORDER_DELAY) : event.time();
        EventDelivery delivery = new EventDelivery(event, first);
        return faults.duplicated()
                ? List.of(delivery, new EventDelivery(event, first.plus(DUPLICATE_GAP)))
                : List.of(delivery);
    }
}
