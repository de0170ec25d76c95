package dev.ferry.local.mgn.environment;

/** Operating system family of a simulated source server. */
public enum OperatingSystem {
    LINUX("Linux version 5.15.0-1051-aws (Ubuntu 22.04.3 LTS)"),
    WINDOWS("Microsoft Windows Server 2019 Datacenter");

    private final String fullString;

    OperatingSystem(String fullString) {
        this.fullString = fullString;
    }

    /** What the replication agent reports in {@code sourceProperties.os.fullString}. */
    public String fullString() {
        return fullString;
    }
}
