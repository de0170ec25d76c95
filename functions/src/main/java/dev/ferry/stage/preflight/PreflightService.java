package dev.ferry.stage.preflight;

import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.MgnWaveGrouping;
import dev.ferry.stage.ServerClaiming;
import dev.ferry.stage.ServerJoins.Joining;
import dev.ferry.stage.ServerJoins;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first stage of a wave: checks the definition and MGN, prepares the region, and stores the
 * wave with a record per server. In a wave with agent installation, a server given by instance ID
 * that MGN does not know yet gets an agent installation record instead, which InstallAgents takes
 * over. A server another running wave holds is refused, naming that wave. Safe to run again after
 * a crash at any point: the region is initialised and given a
 * replication template only when it lacks them, the stored wave keeps its first start time, and
 * server and installation records already stored are never overwritten.
 */
public class PreflightService {

    /** How much longer than the wave's own limit Step Functions waits before it gives up on a wait. */
    public static final Duration BACKSTOP_MARGIN = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(PreflightService.class);

    private final MgnGateway mgn;
    private final WaveStore store;
    private final AgentInstallStore installs;
    private final Clock clock;
    private final Optional<String> deploymentRegion;
    private final PreflightServerCheck serverCheck;
    private final ServerJoins joins;
    private final ReplicationQuota replicationQuota;
    private final ServerClaiming claiming;
    private final MgnWaveGrouping grouping;

    /**
     * @param installs         where agent installations are kept
     * @param claiming         keeps each server in one running wave at a time
     * @param deploymentRegion the region Ferry runs in and its MGN client talks to, when known;
     *                         a wave for another region is refused
     * @param replicationQuota MGN's quota of replicating servers as applied, when it can be read
     */
    public PreflightService(MgnGateway mgn, WaveStore store, AgentInstallStore installs, ServerClaiming claiming,
                            Clock clock, Optional<String> deploymentRegion, ReplicationQuota replicationQuota) {
        this.replicationQuota = replicationQuota;
        this.mgn = mgn;
        this.store = store;
        this.installs = installs;
        this.claiming = claiming;
        this.clock = clock;
        this.deploymentRegion = deploymentRegion;
        this.serverCheck = new PreflightServerCheck(mgn, clock);
        this.joins = new ServerJoins(store, clock);
        this.grouping = new MgnWaveGrouping(mgn);
    }

    /**
     * Runs preflight for one execution.
     *
     * @throws InvalidWaveException when the definition is not valid (MGN is not called)
     * @throws PreflightException   when MGN cannot take the wave now, listing every server and why
     */
    public PreflightResult run(PreflightRequest request) {
        WaveDefinition wave = WaveDefinitionParser.parse(request.wave());
        String waveId = request.executionName();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", waveId)) {
            requireDeploymentRegion(wave);
            if (!mgn.isInitialized()) {
                LOG.info("Initialising MGN in {}", wave.targetRegion());
                mgn.initializeService();
            }
            boolean hasTemplate = mgn.hasReplicationTemplate();
            // The region's list finds servers given by instance ID and counts what replicates already.
            List<SourceServer> region = mgn.listSourceServers();
            PreflightServerCheck.Outcome servers = serverCheck.check(wave, region);
            List<String> problems = new ArrayList<>(servers.problems());
            ReplicationCapacity.problemOf(wave, region,
                    servers.servers().stream().map(found -> found.server().id()).toList(),
                    servers.toInstall().size(), replicationQuota.replicatingServers()).ifPresent(problems::add);
            if (!hasTemplate && wave.replication().stagingAreaSubnetId() == null) {
                problems.add("replication.stagingAreaSubnetId: MGN in " + wave.targetRegion() + " has no replication "
                        + "configuration template; give the staging subnet so that Ferry can create one");
            }
            if (wave.mgnWave() != null) {
                problems.addAll(grouping.problems(waveId, wave.mgnWave(), servers.servers().stream()
                        .map(found -> new MgnWaveGrouping.Member(found.spec().name() != null ? found.spec().name()
                                : found.server().id(), found.server()))
                        .toList()));
            }
            // Claimed last, so that a wave refused for another reason holds its servers only briefly.
            List<ServerClaiming.Claimable> claimables = claimables(servers);
            problems.addAll(claiming.claimAll(waveId, request.executionArn(), claimables));
            if (!problems.isEmpty()) {
                claiming.releaseAll(request.executionArn(), claimables);
                LOG.warn("Preflight refused the wave: {} problems", problems.size());
                throw new PreflightException(problems);
            }
            if (!hasTemplate) {
                LOG.info("Creating the replication configuration template in {}", wave.targetRegion());
                mgn.createReplicationTemplate(wave.replication().withDefaults());
            }
            if (wave.mgnWave() != null) {
                // Servers whose agent the wave installs join MGN later; they are not in the application.
                grouping.prepare(waveId, wave.mgnWave(),
                        servers.servers().stream().map(PreflightServerCheck.Resolved::server).toList());
            }
            WaveRecord stored = store.create(new WaveRecord(waveId, request.executionArn(), wave,
                    WaveRecord.WaveStatus.RUNNING, null, clock.instant(), null, null));
            List<ServerRecord> records = joins.join(waveId, servers.servers().stream()
                    .map(server -> Joining.of(server.server(), server.spec().name(), server.spec().sourceInstanceId()))
                    .toList());
            boolean installAgents = storeInstalls(waveId, servers.toInstall());
            WaveProgress progress = WaveProgress.of(stored, records);
            LOG.info("Preflight passed: {} servers, {} agent installations", progress.total(),
                    servers.toInstall().size());
            return new PreflightResult(waveId, limits(wave.timeLimits(), wave.servers().size()),
                    new PreflightResult.Options(wave.policies().skipTestLaunch(), wave.policies().finalizeCutover(),
                            wave.network() != null, wave.dns() != null, installAgents),
                    progress);
        }
    }

    /** Each server of the wave under the names a wave may give it: as MGN knows it, or by its instance to install. */
    private static List<ServerClaiming.Claimable> claimables(PreflightServerCheck.Outcome servers) {
        List<ServerClaiming.Claimable> claimables = new ArrayList<>();
        for (PreflightServerCheck.Resolved found : servers.servers()) {
            Joining joining = Joining.of(found.server(), found.spec().name(), found.spec().sourceInstanceId());
            claimables.add(new ServerClaiming.Claimable(joining.label(), joining.sourceInstanceId() == null
                    ? List.of(joining.sourceServerId())
                    : List.of(joining.sourceServerId(), joining.sourceInstanceId())));
        }
        for (ServerSpec spec : servers.toInstall()) {
            claimables.add(new ServerClaiming.Claimable(
                    spec.name() != null ? spec.name() : spec.sourceInstanceId(), List.of(spec.sourceInstanceId())));
        }
        return claimables;
    }

    /** The MGN client works in the deployment's region; a wave for another region would touch the wrong servers. */
    private void requireDeploymentRegion(WaveDefinition wave) {
        deploymentRegion.filter(region -> !region.equals(wave.targetRegion())).ifPresent(region -> {
            throw new PreflightException(List.of("targetRegion: the wave moves servers to " + wave.targetRegion()
                    + " but this Ferry stack runs in " + region + "; start the wave in the stack deployed in "
                    + wave.targetRegion()));
        });
    }

    /**
     * Stores an installation per server whose agent the wave installs, keeping any a previous
     * attempt stored; true when any of them is still to be done.
     */
    private boolean storeInstalls(String waveId, List<ServerSpec> toInstall) {
        boolean pending = false;
        for (ServerSpec spec : toInstall) {
            AgentInstallRecord stored = installs.create(
                    AgentInstallRecord.pending(waveId, spec.sourceInstanceId(), spec.name(), clock.instant()));
            pending |= !stored.isFinished();
        }
        return pending;
    }

    /** Step Functions' backstops: the controller's own limits, plus a margin for its last evaluation. */
    static PreflightResult.Limits limits(TimeLimits limits, int servers) {
        return new PreflightResult.Limits(
                limits.replication().plus(BACKSTOP_MARGIN).toSeconds(),
                limits.launchStage(servers).plus(BACKSTOP_MARGIN).toSeconds(),
                limits.approval().toSeconds());
    }
}
