package dev.ferry.wave;

import java.util.List;

/**
 * One migration wave, as an engineer writes it in the execution input. Built only by
 * {@link WaveDefinitionParser}, which validates the raw JSON first, so every instance is valid.
 *
 * @param waveName     a short name shown in emails and reports
 * @param targetRegion the MGN region the servers move to (where MGN, its events and the stack live)
 * @param sourceRegion the region of EC2 source instances, when servers are given by instance ID
 * @param servers      the servers of the wave, at least one
 * @param replication  the replication configuration template to create when the region has none
 * @param launch       launch settings shared by every server (a server may override them)
 * @param validation   checks a launched instance must pass, after the test and after cutover
 * @param approvers    email addresses told that an approval is waiting (the SNS topic's subscribers get it)
 * @param timeLimits   how long each waiting stage may take
 * @param policies     what to do when a server fails, and which optional stages run
 * @param network      key pair, security group copies and subnet map to set up before launch, or null
 * @param dns          the Route 53 records to move once the cutover is validated, or null
 * @param agentInstallation how to install the replication agent on EC2 sources MGN does not know yet, or
 *                          null when the wave installs no agent (every server must be in MGN already)
 * @param quotas       MGN's account quotas the wave assumes when they cannot be read
 * @param mgnWave      the MGN wave and application to put the servers in, or null when the wave asks for none
 * @param notifications which moments of the wave reach the notification topic
 */
public record WaveDefinition(
        String waveName,
        String targetRegion,
        String sourceRegion,
        List<ServerSpec> servers,
        ReplicationSettings replication,
        LaunchSettings launch,
        ValidationSettings validation,
        List<String> approvers,
        TimeLimits timeLimits,
        Policies policies,
        NetworkSettings network,
        DnsSettings dns,
        AgentInstallationSettings agentInstallation,
        MgnQuotas quotas,
        MgnWaveSettings mgnWave,
        NotificationSettings notifications) {

    public WaveDefinition {
        servers = List.copyOf(servers);
        approvers = List.copyOf(approvers);
        // Waves stored before the wave could state its quotas or notifications read back without them.
        quotas = quotas != null ? quotas : MgnQuotas.DEFAULT;
        notifications = notifications != null ? notifications : NotificationSettings.DEFAULT;
    }

    /** A wave that asks for no MGN wave and notifies problems only. */
    public WaveDefinition(String waveName, String targetRegion, String sourceRegion, List<ServerSpec> servers,
                          ReplicationSettings replication, LaunchSettings launch, ValidationSettings validation,
                          List<String> approvers, TimeLimits timeLimits, Policies policies, NetworkSettings network,
                          DnsSettings dns, AgentInstallationSettings agentInstallation, MgnQuotas quotas) {
        this(waveName, targetRegion, sourceRegion, servers, replication, launch, validation, approvers, timeLimits,
                policies, network, dns, agentInstallation, quotas, null, NotificationSettings.DEFAULT);
    }

    /** A wave that assumes MGN's default quotas. */
    public WaveDefinition(String waveName, String targetRegion, String sourceRegion, List<ServerSpec> servers,
                          ReplicationSettings replication, LaunchSettings launch, ValidationSettings validation,
                          List<String> approvers, TimeLimits timeLimits, Policies policies, NetworkSettings network,
                          DnsSettings dns, AgentInstallationSettings agentInstallation) {
        this(waveName, targetRegion, sourceRegion, servers, replication, launch, validation, approvers, timeLimits,
                policies, network, dns, agentInstallation, MgnQuotas.DEFAULT);
    }

    /** A wave that installs no agent. */
    public WaveDefinition(String waveName, String targetRegion, String sourceRegion, List<ServerSpec> servers,
                          ReplicationSettings replication, LaunchSettings launch, ValidationSettings validation,
                          List<String> approvers, TimeLimits timeLimits, Policies policies, NetworkSettings network,
                          DnsSettings dns) {
        this(waveName, targetRegion, sourceRegion, servers, replication, launch, validation, approvers, timeLimits,
                policies, network, dns, null);
    }
}
