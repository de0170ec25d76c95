package dev.ferry.ec2;

/**
 * A launched instance as EC2 describes it.
 *
 * @param instanceId   the instance
 * @param state        pending, running, stopped, terminated...
 * @param systemStatus the system status check: ok, impaired, initializing, insufficient-data, not-applicable
 * @param instanceStatus the instance status check, same values
 * @param publicIp     its public IPv4 address, or null
 * @param privateIp    its private IPv4 address, or null
 */
public record InstanceHealth(String instanceId, String state, String systemStatus, String instanceStatus,
                             String publicIp, String privateIp) {

    public boolean statusChecksPassed() {
        return "running".equals(state) && "ok".equals(systemStatus) && "ok".equals(instanceStatus);
    }
}
