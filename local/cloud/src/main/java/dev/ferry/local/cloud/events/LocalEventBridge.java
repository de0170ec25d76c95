package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.cloud.events.EventRule;
import dev.ferry.local.cloud.events.ScheduleRule;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import dev.ferry.local.engine.time.Scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The default event bus of the target region and its rules, as template.yaml declares them: an
 * event put on the bus at a virtual time invokes, at that time, every function whose rule pattern
 * matches it; a schedule invokes its function every period with a Scheduled Event. Targets are
 * invoked asynchronously in AWS, so a target's error does not reach the sender: it is recorded.
 * {@link EventFaults} deliver an event to two invocations at once, or while the schedules' functions
 * run: each on a thread of its own, started together, the delivery done when both have ended.
 * Clients put events on it through {@link EventBusEndpoint}, as Ferry's functions put their own.
 */
public final class LocalEventBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scheduler scheduler;
    private final LambdaInvoker lambda;
    private final List<EventRule> rules;
    private final UnaryOperator<String> functionArns;
    private final String region;
    private final String accountId;
    private final EventFaults.Source faults;
    private final List<EventTargetInvocation> invocations = new CopyOnWriteArrayList<>();
    private final List<ScheduleRule> schedules = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> putThroughApi = new CopyOnWriteArrayList<>();
    private final List<Consumer<ObjectNode>> putListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger twiceAtOnce = new AtomicInteger();
    private final AtomicInteger withReconciler = new AtomicInteger();

    /**
     * @param functionArns the ARN of a function, by logical ID
     */
    public LocalEventBridge(Scheduler scheduler, LambdaInvoker lambda, List<EventRule> rules,
                            UnaryOperator<String> functionArns, String region, String accountId) {
        this(scheduler, lambda, rules, functionArns, region, accountId, EventFaults.NONE);
    }

    /**
     * @param functionArns the ARN of a function, by logical ID
     * @param faults       the deliveries to double
     */
    public LocalEventBridge(Scheduler scheduler, LambdaInvoker lambda, List<EventRule> rules,
                            UnaryOperator<String> functionArns, String region, String accountId, EventFaults faults) {
        this.scheduler = scheduler;
        this.lambda = lambda;
        this.rules = List.copyOf(rules);
        this.functionArns = functionArns;
        this.region = region;
        this.accountId = accountId;
        this.faults = faults.source();
    }

    /** Puts an event (its envelope) on the bus, to be delivered at {@code deliverAt}. */
    public void put(ObjectNode envelope, Instant deliverAt) {
        scheduler.schedule(deliverAt, () -> {
            for (EventRule rule : rules) {
                if (rule.matches(envelope)) {
                    deliver(rule, envelope);
                }
            }
        });
    }

    /**
     * Puts an event that a client sent with PutEvents ({@link EventBusEndpoint}) on the bus, delivered
     * to the rules that match it at once, and keeps it for {@link #putThroughApi()}.
     */
    public void putFromApi(ObjectNode envelope, Instant now) {
        putThroughApi.add(envelope.deepCopy());
        putListeners.forEach(listener -> listener.accept(envelope.deepCopy()));
        put(envelope, now);
    }

    /** Every event clients put with PutEvents so far (Ferry's own events), in order, as the bus delivers them. */
    public List<ObjectNode> putThroughApi() {
        return putThroughApi.stream().map(ObjectNode::deepCopy).toList();
    }

    /** Tells {@code listener} of each event a client puts with PutEvents. */
    public void onPut(Consumer<ObjectNode> listener) {
        putListeners.add(listener);
    }

    /** The bus's clock. */
    Instant now() {
        return scheduler.clock().instant();
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    /** An event time as EventBridge writes it: ISO-8601 to the second. */
    static String timestamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Starts every schedule: the first run one period from now, as a new rate rule does. */
    public void startSchedules(List<ScheduleRule> schedules) {
        this.schedules.addAll(schedules);
        for (ScheduleRule schedule : schedules) {
            scheduleNext(schedule, scheduler.clock().instant().plus(schedule.rate()));
        }
    }

    /** The delivery faults injected so far. */
    public EventFaults.Count faultsInjected() {
        return new EventFaults.Count(twiceAtOnce.get(), withReconciler.get());
    }

    /** Every target invocation so far. */
    public List<EventTargetInvocation> invocations() {
        return List.copyOf(invocations);
    }

    private void scheduleNext(ScheduleRule schedule, Instant at) {
        scheduler.schedule(at, () -> {
            invoke(schedule.name(), schedule.function(), scheduledEvent(schedule, at));
            scheduleNext(schedule, at.plus(schedule.rate()));
        });
    }

    private ObjectNode scheduledEvent(ScheduleRule schedule, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", timestamp(at));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + accountId + ":rule/" + schedule.name());
        event.putObject("detail");
        return event;
    }

    private void deliver(EventRule rule, ObjectNode envelope) {
        Runnable delivery = () -> invoke(rule.name(), rule.function(), envelope);
        switch (faults.next()) {
            case NONE -> delivery.run();
            case TWICE_AT_ONCE -> {
                twiceAtOnce.incrementAndGet();
                atOnce(List.of(delivery, delivery));
            }
            case WITH_RECONCILER -> {
                withReconciler.incrementAndGet();
                Instant now = scheduler.clock().instant();
                List<Runnable> together = new ArrayList<>(List.of(delivery));
                schedules.forEach(schedule -> together.add(() ->
                        invoke(schedule.name(), schedule.function(), scheduledEvent(schedule, now))));
                atOnce(together);
            }
        }
    }

    /** Runs each action on a thread of its own, all released together, and returns when all have ended. */
    private static void atOnce(List<Runnable> actions) {
        CyclicBarrier start = new CyclicBarrier(actions.size());
        List<Thread> threads = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (Runnable action : actions) {
            threads.add(Thread.ofPlatform().name("event-delivery").start(() -> {
                try {
                    start.await();
                    action.run();
                } catch (InterruptedException | BrokenBarrierException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while an event was being delivered", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void invoke(String rule, String function, ObjectNode event) {
        String json = event.toString();
        String errorType;
        try {
            InvocationResult result = lambda.invoke(functionArns.apply(function), json.getBytes(StandardCharsets.UTF_8));
            errorType = result instanceof InvocationResult.FunctionError error ? error.errorType() : null;
        } catch (LambdaServiceException e) {
            errorType = "Lambda." + e.errorCode();
        }
        invocations.add(new EventTargetInvocation(rule, function, event.path("detail-type").asText(), json,
                scheduler.clock().instant(), errorType));
    }
}
