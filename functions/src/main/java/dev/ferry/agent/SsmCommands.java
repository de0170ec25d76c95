package dev.ferry.agent;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Systems Manager in the source region: which instances it manages, and Run Command. */
public interface SsmCommands {

    /** These instances as Systems Manager knows them; instances it does not manage are absent. */
    Map<String, ManagedInstance> managedInstances(Collection<String> instanceIds);

    /**
     * Sends the script to one instance and returns the command ID.
     *
     * @param comment          shown in the SSM console; cut to SSM's 100 characters
     * @param executionTimeout how long the script may run on the instance
     * @throws InstanceNotManagedException when SSM does not manage the instance
     */
    String send(String instanceId, RunCommandScript script, String comment, Duration executionTimeout);

    /**
     * A command already sent to the instance with this document and comment (cut as {@link #send}
     * cuts it), so that a retry adopts it instead of sending it again: SendCommand takes no
     * idempotency token.
     *
     * @return the command ID of the most recent such command, or empty when none was sent
     */
    Optional<String> findSent(String instanceId, String documentName, String comment);

    /** Where the command stands on the instance; just after sending it may be {@link CommandStatus#PENDING}. */
    CommandResult result(String commandId, String instanceId);
}
