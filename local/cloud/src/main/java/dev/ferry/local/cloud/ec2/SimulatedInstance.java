package dev.ferry.local.cloud.ec2;

import java.time.Instant;

/**
 * An instance the simulated EC2 describes: one MGN launched in the target region.
 *
 * @param instanceId   the EC2 instance ID
 * @param privateIp    its private address (a loopback address in the rehearsal)
 * @param publicIp     its public address, or null
 * @param instanceType its type
 * @param running      false once terminated
 * @param launchedAt   when it was launched; its status checks pass a little later, as on EC2
 */
public record SimulatedInstance(String instanceId, String privateIp, String publicIp, String instanceType,
                                boolean running, Instant launchedAt) {
}
