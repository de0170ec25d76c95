package dev.ferry.local.cloud.ssm;

/**
 * An instance of the source region that Systems Manager manages.
 *
 * @param instanceId   its EC2 instance ID
 * @param platform     Linux or Windows
 * @param pingStatus   whether its SSM Agent is in touch
 * @param agentInstall how the replication agent's installer behaves on it
 */
public record ManagedInstanceSpec(String instanceId, SsmPlatform platform, PingStatus pingStatus,
                                  AgentInstallSpec agentInstall) {
}
