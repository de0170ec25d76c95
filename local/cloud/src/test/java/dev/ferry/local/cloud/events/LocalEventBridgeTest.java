package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.events.EventPattern;
import dev.ferry.local.cloud.events.EventRule;
import dev.ferry.local.cloud.events.ScheduleRule;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The local event bus delivers an event to its rule's target, and doubles deliveries as its faults say. */
class LocalEventBridgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final EventRule ROUTER_RULE = new EventRule("MgnEvents",
            EventPattern.of(JSON.createObjectNode().set("source", JSON.createArrayNode().add("aws.mgn")), "test"),
            "EventRouterFunction");
    private static final ScheduleRule RECONCILER = new ScheduleRule("Reconcile", Duration.ofMinutes(5),
            "ReconcilerFunction");

    private final Scheduler scheduler = new Scheduler(new VirtualClock(START));
    private OverlapCountingLambda lambda;

    @Test
    void withoutFaultsAnEventInvokesItsTargetOnce() {
        LocalEventBridge bus = bus(EventFaults.NONE, 1);

        deliverOneEvent(bus);

        assertThat(lambda.functions).containsExactly("EventRouterFunction");
        assertThat(lambda.mostAtOnce.get()).isEqualTo(1);
        assertThat(bus.faultsInjected()).isEqualTo(EventFaults.Count.NONE);
    }

    @Test
    void anEventDeliveredTwiceAtOnceRunsTwoInvocationsOfItsTargetTogether() {
        LocalEventBridge bus = bus(new EventFaults(100, 0, 1), 2);

        deliverOneEvent(bus);

        assertThat(lambda.functions).containsExactly("EventRouterFunction", "EventRouterFunction");
        assertThat(lambda.mostAtOnce.get()).as("invocations running at the same time").isEqualTo(2);
        assertThat(bus.invocations()).hasSize(2).allSatisfy(invocation -> assertThat(invocation.succeeded()).isTrue());
        assertThat(bus.faultsInjected()).isEqualTo(new EventFaults.Count(1, 0));
    }

    @Test
    void anEventDeliveredWithTheReconcilerRunsTheRouterAndTheReconcilerTogether() {
        LocalEventBridge bus = bus(new EventFaults(0, 100, 1), 2);
        bus.startSchedules(List.of(RECONCILER));

        deliverOneEvent(bus);

        assertThat(lambda.functions).containsExactlyInAnyOrder("EventRouterFunction", "ReconcilerFunction");
        assertThat(lambda.mostAtOnce.get()).isEqualTo(2);
        assertThat(bus.invocations()).extracting(EventTargetInvocation::detailType)
                .containsExactlyInAnyOrder("MGN Source Server Lifecycle State Change", "Scheduled Event");
        assertThat(bus.faultsInjected()).isEqualTo(new EventFaults.Count(0, 1));
    }

    /** A bus over a Lambda whose invocations each wait (10 s at most) until {@code together} have started. */
    private LocalEventBridge bus(EventFaults faults, int together) {
        lambda = new OverlapCountingLambda(together);
        return new LocalEventBridge(scheduler, lambda, List.of(ROUTER_RULE), name -> name, "eu-central-1",
                "111122223333", faults);
    }

    private void deliverOneEvent(LocalEventBridge bus) {
        ObjectNode event = JSON.createObjectNode().put("source", "aws.mgn")
                .put("detail-type", "MGN Source Server Lifecycle State Change");
        bus.put(event, START.plusSeconds(10));
        scheduler.runUntil(() -> !lambda.functions.isEmpty(), START.plusSeconds(60));
    }

    /**
     * Records the functions invoked and the most invocations running at once. Each invocation waits
     * for the others expected alongside it to start, so invocations that do not overlap show as one at once.
     */
    private static final class OverlapCountingLambda implements LambdaInvoker {
        final List<String> functions = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final CountDownLatch together;

        OverlapCountingLambda(int together) {
            this.together = new CountDownLatch(together);
        }

        @Override
        public InvocationResult invoke(String function, byte[] payload) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            together.countDown();
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            functions.add(function);
            return new InvocationResult.Success("null".getBytes());
        }
    }
}
