package dev.ferry.network;

/** The operating system family of a source instance, which decides how the agent is installed. */
public enum Platform {
    LINUX,
    WINDOWS;

    /** EC2 names only Windows in an instance's {@code Platform} field; everything else is Linux. */
    public static Platform fromEc2(String ec2Platform) {
        return ec2Platform != null && ec2Platform.equalsIgnoreCase("windows") ? WINDOWS : LINUX;
    }
}
