package dev.ferry.local.mgn.model;

/**
 * The source server's {@code launchedInstance}: the latest instance MGN launched for it.
 *
 * @param ec2InstanceId {@code ec2InstanceID}
 * @param jobId         {@code jobID} of the launch job
 * @param firstBoot     {@code firstBoot}: SUCCEEDED once the instance booted
 */
public record LaunchedInstanceInfo(String ec2InstanceId, String jobId, String firstBoot) {
}
