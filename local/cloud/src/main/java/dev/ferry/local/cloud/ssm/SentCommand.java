package dev.ferry.local.cloud.ssm;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command sent with SendCommand: its request as recorded (credentials redacted) and its
 * invocation on each instance. Guarded by the simulator's lock.
 *
 * @param commandId        SSM's command ID
 * @param documentName     the document it runs
 * @param comment          the sender's comment
 * @param parameters       the document's parameters, each a list of strings
 * @param requestedAt      when it was sent
 * @param deliveryTimeout  how long it may wait for an instance to take it ({@code TimeoutSeconds})
 * @param executionTimeout how long the script may run ({@code executionTimeout})
 * @param invocations      its invocation on each instance, in the order the instances were named
 */
record SentCommand(String commandId, String documentName, String comment, Map<String, List<String>> parameters,
                   Instant requestedAt, Duration deliveryTimeout, Duration executionTimeout,
                   Map<String, CommandInvocation> invocations) {

    SentCommand {
        parameters = Map.copyOf(parameters);
        invocations = new LinkedHashMap<>(invocations);
    }

    List<String> instanceIds() {
        return List.copyOf(invocations.keySet());
    }

    /** The command's status across its instances, as ListCommands reports it. */
    InvocationStatus status() {
        Collection<CommandInvocation> all = invocations.values();
        if (all.stream().allMatch(invocation -> invocation.status() == InvocationStatus.PENDING)) {
            return InvocationStatus.PENDING;
        }
        if (!all.stream().allMatch(invocation -> invocation.status().finished())) {
            return InvocationStatus.IN_PROGRESS;
        }
        if (all.stream().allMatch(invocation -> invocation.status() == InvocationStatus.SUCCESS)) {
            return InvocationStatus.SUCCESS;
        }
        return all.stream().anyMatch(invocation -> invocation.status() == InvocationStatus.FAILED)
                ? InvocationStatus.FAILED : InvocationStatus.TIMED_OUT;
    }

    long count(InvocationStatus status) {
        return invocations.values().stream().filter(invocation -> invocation.status() == status).count();
    }

    Instant expiresAfter() {
        return requestedAt.plus(deliveryTimeout);
    }
}
