package dev.ferry.agent;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

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

    /** Where the command stands on the instance; just after sending it may be {@link CommandStatus#PENDING}. */
    CommandResult result(String commandId, String instanceId);
}
