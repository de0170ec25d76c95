package dev.ferry.local.mgn.events;

import dev.ferry.local.mgn.environment.EventFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeliveryPlanTest {

    private static final String SERVER = "s-00000000000000001";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void a_server_without_event_faults_gets_each_event_once_on_time() {
        EventDeliveryPlan plan = new EventDeliveryPlan(Map.of());
        MgnEvent event = stalled(T0);

        assertThat(plan.deliveriesFor(event)).containsExactly(new EventDelivery(event, T0));
    }

    @Test
    void a_lost_event_is_never_delivered() {
        EventDeliveryPlan plan = new EventDeliveryPlan(Map.of(SERVER, new EventFaults(true, true, false)));

        assertThat(plan.deliveriesFor(stalled(T0))).isEmpty();
    }

    @Test
    void a_duplicated_event_is_delivered_twice_with_the_same_id() {
        EventDeliveryPlan plan = new EventDeliveryPlan(Map.of(SERVER, new EventFaults(false, true, false)));
        MgnEvent event = stalled(T0);

        assertThat(plan.deliveriesFor(event)).containsExactly(new EventDelivery(event, T0),
                new EventDelivery(event, T0.plus(EventDeliveryPlan.DUPLICATE_GAP)));
    }

    @Test
    void a_reordered_event_arrives_after_a_later_event_of_the_same_server() {
        EventDeliveryPlan plan = new EventDeliveryPlan(Map.of(SERVER, new EventFaults(false, false, true)));
        MgnEvent stalled = stalled(T0);
        MgnEvent recovered = new MgnEvent("id-2", MgnEventType.DATA_REPLICATION_STALLED_CHANGE,
                T0.plus(Duration.ofMinutes(10)), "111122223333", "eu-central-1", SERVER, Map.of("state", "NOT_STALLED"));

        List<String> arrivalOrder = Stream.of(stalled, recovered)
                .flatMap(event -> plan.deliveriesFor(event).stream())
                .sorted(Comparator.comparing(EventDelivery::deliverAt))
                .map(delivery -> delivery.event().state())
                .toList();

        assertThat(arrivalOrder).containsExactly("NOT_STALLED", "STALLED");
    }

    @Test
    void a_held_back_event_still_arrives_when_no_later_event_follows() {
        EventDeliveryPlan plan = new EventDeliveryPlan(Map.of(SERVER, new EventFaults(false, false, true)));
        MgnEvent event = stalled(T0);

        assertThat(plan.deliveriesFor(event)).containsExactly(
                new EventDelivery(event, T0.plus(EventDeliveryPlan.REORDER_DELAY)));
    }

    private static MgnEvent stalled(Instant at) {
        return new MgnEvent("id-1", MgnEventType.DATA_REPLICATION_STALLED_CHANGE, at, "111122223333", "eu-central-1",
                SERVER, Map.of("state", "STALLED"));
    }
}
