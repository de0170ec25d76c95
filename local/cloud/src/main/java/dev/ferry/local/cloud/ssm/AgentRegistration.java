package dev.ferry.local.cloud.ssm;

/**
 * Where an installed replication agent registers: the simulated MGN of the target region. Kept
 * behind this interface so that Systems Manager knows nothing of MGN.
 */
@FunctionalInterface
public interface AgentRegistration {

    /**
     * Registers the agent installed on a source instance and returns the MGN source server ID.
     *
     * @throws IllegalArgumentException when MGN knows no server with that instance
     * @throws IllegalStateException    when MGN cannot take a registration (not initialised)
     */
    String register(String sourceInstanceId);
}
