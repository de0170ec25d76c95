package dev.ferry.local.mgn.events;

import dev.ferry.local.mgn.environment.EventFaults;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how EventBridge delivers each MGN event, applying the event faults of the event's server: EventBridge
 * delivery is best effort, so events may be lost, duplicated or arrive out of order. Thread-safe.
 */
public final class EventDeliveryPlan {

    /**
     * How late a held-back event of a reordering server arrives: long enough for the follow-up of a stall
     * (its recovery) or of a launch to overtake it.
     */
    public static final Duration REORDER_DELAY = Duration.ofHours(1);
    /** Gap between the two deliveries of a duplicated event, like a target retry. */
    public static final Duration DUPLICATE_GAP = Duration.ofSeconds(5);

    private final Map<String, EventFaults> faultsBySourceServerId;
    /** Events planned so far per reordering server: which of them are held back alternates. */
    private final Map<String, Integer> plannedPerServer = new HashMap<>();

    /** A plan for servers with the given faults; servers not in the map get faithful delivery. */
    public EventDeliveryPlan(Map<String, EventFaults> faultsBySourceServerId) {
        this.faultsBySourceServerId = Map.copyOf(faultsBySourceServerId);
    }

    /**
     * The deliveries of one event, in delivery order: none when lost, two when duplicated. A reordering server
     * has every other event (its first, third, ...) held back {@link #REORDER_DELAY}, so the event after it is
     * delivered first when it follows within that delay. Call once per emitted event, in emission order.
     */
    public synchronized List<EventDelivery> deliveriesFor(MgnEvent event) {
        EventFaults faults = faultsBySourceServerId.getOrDefault(event.sourceServerId(), EventFaults.NONE);
        if (faults.lost()) {
            return List.of();
        }
        Instant first = event.time();
        if (faults.reordered() && plannedPerServer.merge(event.sourceServerId(), 1, Integer::sum) % 2 == 1) {
            first = first.plus(REORDER_DELAY);
        }
        EventDelivery delivery = new EventDelivery(event, first);
        return faults.duplicated()
                ? List.of(delivery, new EventDelivery(event, first.plus(DUPLICATE_GAP)))
                : List.of(delivery);
    }
}
