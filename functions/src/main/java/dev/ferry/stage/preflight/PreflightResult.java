package dev.ferry.stage.preflight;

import dev.ferry.server.WaveProgress;

/**
 * What Preflight puts in place of the state machine's input: everything later states read from
 * {@code $}, and nothing that grows with the number of servers.
 *
 * @param waveId   the wave's key in the store
 * @param limits   the {@code TimeoutSecondsPath} values of the waiting states
 * @param options  the policies the state machine's Choice states read
 * @param progress the wave's counts after preflight
 */
public record PreflightResult(String waveId, Limits limits, Options options, WaveProgress progress) {

    /**
     * Step Functions timeouts of the callback states. They are backstops behind the deadlines the
     * controller enforces itself, so replication and launch get a margin; approval gets none,
     * because its timeout is the deadline.
     *
     * @param replicationSeconds AwaitReplication
     * @param launchSeconds      LaunchTest and LaunchCutover
     * @param approvalSeconds    RequestApproval
     */
    public record Limits(long replicationSeconds, long launchSeconds, long approvalSeconds) {
    }

    /**
     * The wave's optional stages.
     *
     * @param skipTestLaunch  go from replication straight to approval
     * @param finalizeCutover finalize after a validated cutover
     * @param prepareNetwork  the wave has a {@code network} section: PrepareNetwork runs
     * @param switchDns       the wave has a {@code dns} section: PrepareDns and DnsSwitch run
     * @param installAgents   the wave installs the replication agent on some of its servers: InstallAgents runs
     */
    public record Options(boolean skipTestLaunch, boolean finalizeCutover, boolean prepareNetwork,
                          boolean switchDns, boolean installAgents) {

        /** The options of a wave that installs no agent. */
        public Options(boolean skipTestLaunch, boolean finalizeCutover, boolean prepareNetwork, boolean switchDns) {
            this(skipTestLaunch, finalizeCutover, prepareNetwork, switchDns, false);
        }
    }
}
