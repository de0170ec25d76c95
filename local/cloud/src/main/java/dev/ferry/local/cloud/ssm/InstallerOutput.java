package dev.ferry.local.cloud.ssm;

/** What the AWS Replication Agent installer prints, in the order it works. */
final class InstallerOutput {

    private static final String STARTED = """
            The installation of the AWS Replication Agent has started.
            Identifying volumes for replication.
            All volumes for replication were successfully identified.
            Downloading the AWS Replication Agent onto the source server... Finished.
            Installing the AWS Replication Agent onto the source server... Finished.
            """;
    private static final String SYNCING = "Syncing the source server with the Application Migration Service Console... ";

    private InstallerOutput() {
    }

    /** The output of an installation that registered the server with MGN. */
    static String registered(String sourceServerId) {
        return STARTED + SYNCING + "Finished.\n"
                + "The following is the source server ID: " + sourceServerId + ".\n"
                + "The AWS Replication Agent was successfully installed.\n";
    }

    /** The output of an installation that reported success although the agent never reached MGN. */
    static String installedWithoutRegistering() {
        return STARTED + SYNCING + "Finished.\n"
                + "The AWS Replication Agent was successfully installed.\n";
    }

    /** The output up to the failure of an installation. */
    static String failedBeforeRegistering() {
        return STARTED + SYNCING + "\n";
    }

    /** The usual explanation of a failed installation. */
    static String failure(String targetRegion) {
        return "Failed to connect to the Application Migration Service endpoint mgn." + targetRegion
                + ".amazonaws.com:443 (connection timed out). Check that the server can reach it on TCP 443.\n";
    }
}
