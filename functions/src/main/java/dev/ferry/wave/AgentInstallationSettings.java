package dev.ferry.wave;

import java.time.Duration;

/**
 * How the wave installs the AWS Replication Agent on EC2 sources that MGN does not know yet (given
 * by {@code sourceInstanceId}), through SSM Run Command and the instance's own role, without keys.
 *
 * @param attachPoliciesToExistingRole whether Ferry may attach {@code AWSApplicationMigrationServiceEc2InstancePolicy}
 *                                     and {@code AmazonSSMManagedInstanceCore} to the role an instance already has
 * @param useStackInstanceProfile      whether Ferry may give an instance that has no instance profile the
 *                                     agent instance profile of Ferry's stack
 * @param commandTimeout               how long the installer may run on an instance
 * @param registrationTimeout          how long after the installer succeeded the server may take to appear in MGN
 */
public record AgentInstallationSettings(boolean attachPoliciesToExistingRole, boolean useStackInstanceProfile,
                                        Duration commandTimeout, Duration registrationTimeout) {
}
