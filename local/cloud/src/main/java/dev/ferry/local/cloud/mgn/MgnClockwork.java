package dev.ferry.local.cloud.mgn;

import dev.ferry.local.cloud.events.LocalEventBridge;
import dev.ferry.local.engine.time.ScheduledAction;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.mgn.MgnSimulator;
import dev.ferry.local.mgn.events.EventDelivery;
import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.model.TargetInstance;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Moves the simulated MGN along the rehearsal's virtual time: it keeps one action on the scheduler
 * at MGN's next due transition, and after each API call one at the present (a call may start a job
 * or emit an event). Each time it runs, MGN catches up with the clock, the events MGN emitted go
 * to EventBridge as {@link MgnSimulator#eventDeliveryPlan()} spreads them (lost, duplicated,
 * reordered), and the launched instances are handed on (to the stand-in applications).
 */
public final class MgnClockwork {

    private final MgnSimulator mgn;
    private final Scheduler scheduler;
    private final LocalEventBridge eventBridge;
    private final Consumer<List<TargetInstance>> instancesChanged;
    private final List<MgnEvent> emitted = new CopyOnWriteArrayList<>();
    private ScheduledAction planned;
    private Instant plannedAt;

    public MgnClockwork(MgnSimulator mgn, Scheduler scheduler, LocalEventBridge eventBridge,
                        Consumer<List<TargetInstance>> instancesChanged) {
        this.mgn = mgn;
        this.scheduler = scheduler;
        this.eventBridge = eventBridge;
        this.instancesChanged = instancesChanged;
    }

    /** Plans the first catch-up, at MGN's next transition. */
    public void start() {
        mgn.nextTransitionTime().ifPresent(this::planAt);
    }

    /** An API call was answered: catch up at the present, after what is already due. */
    public void afterApiCall() {
        planAt(scheduler.clock().instant());
    }

    /** Every event MGN emitted so far, delivered or not. */
    public List<MgnEvent> emittedEvents() {
        return List.copyOf(emitted);
    }

    /** Keeps the earliest of the planned catch-up and {@code at}. */
    private synchronized void planAt(Instant at) {
        if (planned != null && !plannedAt.isAfter(at)) {
            return;
        }
        if (planned != null) {
            planned.cancel();
        }
        plannedAt = at;
        planned = scheduler.schedule(at, this::catchUp);
    }

    private void catchUp() {
        synchronized (this) {
            planned = null;
            plannedAt = null;
        }
        // Not under this object's lock: API calls on other threads plan here and must not wait for MGN.
        List<MgnEvent> events = mgn.advanceTo(scheduler.clock().instant());
        for (MgnEvent event : events) {
            emitted.add(event);
            for (EventDelivery delivery : mgn.eventDeliveryPlan().deliveriesFor(event)) {
                eventBridge.put(delivery.event().toEnvelope(), delivery.deliverAt());
            }
        }
        instancesChanged.accept(mgn.launchedInstances());
        mgn.nextTransitionTime().ifPresent(this::planAt);
    }
}
