package dev.ferry.local.cloud.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.lambda.LambdaInvoker;
import dev.ferry.local.engine.lambda.LambdaServiceException;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.rehearsal.template.EventRule;
import dev.ferry.local.rehearsal.template.ScheduleRule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The default event bus of the target region and its rules, as template.yaml declares them: an
 * event put on the bus at a virtual time invokes, at that time, every function whose rule pattern
 * matches it; a schedule invokes its function every period with a Scheduled Event. Targets are
 * invoked asynchronously in AWS, so a target's error does not reach the sender: it is recorded.
 */
public final class LocalEventBridge {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scheduler scheduler;
    private final LambdaInvoker lambda;
    private final List<EventRule> rules;
    private final UnaryOperator<String> functionArns;
    private final String region;
    private final String accountId;
    private final List<EventTargetInvocation> invocations = new CopyOnWriteArrayList<>();

    /**
     * @param functionArns the ARN of a function, by logical ID
     */
    public LocalEventBridge(Scheduler scheduler, LambdaInvoker lambda, List<EventRule> rules,
                            UnaryOperator<String> functionArns, String region, String accountId) {
        this.scheduler = scheduler;
        this.lambda = lambda;
        this.rules = List.copyOf(rules);
        this.functionArns = functionArns;
        this.region = region;
        this.accountId = accountId;
    }

    /** Puts an event (its envelope) on the bus, to be delivered at {@code deliverAt}. */
    public void put(ObjectNode envelope, Instant deliverAt) {
        scheduler.schedule(deliverAt, () -> {
            for (EventRule rule : rules) {
                if (rule.matches(envelope)) {
                    invoke(rule.name(), rule.function(), envelope);
                }
            }
        });
    }

    /** Starts every schedule: the first run one period from now, as a new rate rule does. */
    public void startSchedules(List<ScheduleRule> schedules) {
        for (ScheduleRule schedule : schedules) {
            scheduleNext(schedule, scheduler.clock().instant().plus(schedule.rate()));
        }
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
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + accountId + ":rule/" + schedule.name());
        event.putObject("detail");
        return event;
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
