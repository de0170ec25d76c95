package dev.ferry.local.cloud.ssm;

import java.time.Instant;
import java.util.List;

/**
 * A command on one instance as the simulator holds it now, for tests and the rehearsal's report.
 *
 * @param commandId     the command
 * @param instanceId    the instance
 * @param documentName  the document it runs
 * @param comment       the sender's comment
 * @param commands      the script's lines, any credential replaced by {@code ****}
 * @param requestedAt   when it was sent
 * @param status        where it stands
 * @param statusDetails SSM's details, e.g. {@code DeliveryTimedOut}
 * @param responseCode  the script's exit code, -1 until it has ended
 * @param output        its standard output
 * @param error         its standard error
 */
public record InvocationRecord(String commandId, String instanceId, String documentName, String comment,
                               List<String> commands, Instant requestedAt, InvocationStatus status,
                               String statusDetails, int responseCode, String output, String error) {

    public InvocationRecord {
        commands = List.copyOf(commands);
    }
}
