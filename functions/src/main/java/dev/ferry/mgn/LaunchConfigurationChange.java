package dev.ferry.mgn;

/**
 * The MGN launch configuration fields Ferry sets ({@code UpdateLaunchConfiguration}); null leaves a
 * field as it is.
 *
 * @param rightSizing       NONE or BASIC
 * @param copyPrivateIp     keep the source's private IP
 * @param copyTags          copy the source's tags
 * @param launchDisposition STARTED or STOPPED
 */
public record LaunchConfigurationChange(String rightSizing, Boolean copyPrivateIp, Boolean copyTags,
                                        String launchDisposition) {
}
