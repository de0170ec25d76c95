package dev.ferry.local.mgn.model;

import java.time.Instant;

/**
 * An EC2 instance MGN launched in the target region, for a simulated EC2 to expose.
 *
 * @param instanceId       the EC2 instance ID ({@code launchedEc2InstanceID})
 * @param sourceServerId   the source server it was launched for
 * @param sourceInstanceId the source EC2 instance it replicates
 * @param hostname         the source server's host name
 * @param kind             test or cutover instance
 * @param privateIp        a loopback address (127.0.10.x and up, or in the network the simulator was
 *                         given) so a local stand-in for the application can listen on it
 * @param state            running until MGN terminates it
 * @param failsValidation  whether the environment says the application on it fails its check
 * @param launchTemplateId the server's EC2 launch template it was launched from
 * @param jobId            the launch job
 * @param launchedAt       when the job launched it
 */
public record TargetInstance(String instanceId, String sourceServerId, String sourceInstanceId, String hostname,
                             LaunchKind kind, String privateIp, InstanceState state, boolean failsValidation,
                             String launchTemplateId, String jobId, Instant launchedAt) {

    TargetInstance terminated() {
        return new TargetInstance(instanceId, sourceServerId, sourceInstanceId, hostname, kind, privateIp,
                InstanceState.TERMINATED, failsValidation, launchTemplateId, jobId, launchedAt);
    }
}
