package dev.ferry.stage;

import dev.ferry.mgn.MgnGateway;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.PreflightServerCheck.Resolved;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first stage of a wave: checks the definition and MGN, prepares the region, and stores the
 * wave with a record per server. Safe to run again after a crash at any point: the region is
 * initialised and given a replication template only when it lacks them, the stored wave keeps its
 * first start time, and server records already stored are never overwritten.
 */
public class PreflightService {

    /** How much longer than the wave's own limit Step Functions waits before it gives up on a wait. */
    public static final Duration BACKSTOP_MARGIN = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(PreflightService.class);

    private final MgnGateway mgn;
    private final WaveStore store;
    private final Clock clock;
    private final Optional<String> deploymentRegion;
    private final PreflightServerCheck serverCheck;

    /**
     * @param deploymentRegion the region Ferry runs in and its MGN client talks to, when known;
     *                         a wave for another region is refused
     */
    public PreflightService(MgnGateway mgn, WaveStore store, Clock clock, Optional<String> deploymentRegion) {
        this.mgn = mgn;
        this.store = store;
        this.clock = clock;
        this.deploymentRegion = deploymentRegion;
        this.serverCheck = new PreflightServerCheck(mgn, clock);
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
            PreflightServerCheck.Outcome servers = serverCheck.check(wave);
            List<String> problems = new ArrayList<>(servers.problems());
            if (!hasTemplate && wave.replication().stagingAreaSubnetId() == null) {
                problems.add("replication.stagingAreaSubnetId: MGN in " + wave.targetRegion() + " has no replication "
                        + "configuration template; give the staging subnet so that Ferry can create one");
            }
            if (!problems.isEmpty()) {
                LOG.warn("Preflight refused the wave: {} problems", problems.size());
                throw new PreflightException(problems);
            }
            if (!hasTemplate) {
                LOG.info("Creating the replication configuration template in {}", wave.targetRegion());
                mgn.createReplicationTemplate(wave.replication().withDefaults());
            }
            WaveRecord stored = store.create(new WaveRecord(waveId, request.executionArn(), wave,
                    WaveRecord.WaveStatus.RUNNING, null, clock.instant(), null, null));
            List<ServerRecord> records = storeServers(waveId, servers.servers());
            WaveProgress progress = WaveProgress.of(stored, records);
            LOG.info("Preflight passed: {} servers", progress.total());
            return new PreflightResult(waveId, limits(wave.timeLimits()),
                    new PreflightResult.Options(wave.policies().skipTestLaunch(), wave.policies().finalizeCutover(),
                            wave.network() != null, wave.dns() != null),
                    progress);
        }
    }

    /** The MGN client works in the deployment's region; a wave for another region would touch the wrong servers. */
    private void requireDeploymentRegion(WaveDefinition wave) {
        deploymentRegion.filter(region -> !region.equals(wave.targetRegion())).ifPresent(region -> {
            throw new PreflightException(List.of("targetRegion: the wave moves servers to " + wave.targetRegion()
                    + " but this Ferry stack runs in " + region + "; start the wave in the stack deployed in "
                    + wave.targetRegion()));
        });
    }

    /** Adds the servers a previous attempt did not store yet; stored records may have moved on and are kept. */
    private List<ServerRecord> storeServers(String waveId, List<Resolved> servers) {
        List<ServerRecord> existing = store.servers(waveId);
        Set<String> stored = existing.stream().map(ServerRecord::sourceServerId).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<ServerRecord> joining = servers.stream()
                .filter(server -> !stored.contains(server.server().id()))
                .map(server -> ServerRecord.joining(waveId, server.server().id(), label(server), instanceId(server), now))
                .toList();
        if (!joining.isEmpty()) {
            store.putServers(joining);
        }
        List<ServerRecord> all = new ArrayList<>(existing);
        all.addAll(joining);
        return all;
    }

    private static String label(Resolved server) {
        if (server.spec().name() != null) {
            return server.spec().name();
        }
        return server.server().hostname() != null ? server.server().hostname() : server.server().id();
    }

    private static String instanceId(Resolved server) {
        return server.server().awsInstanceId() != null ? server.server().awsInstanceId() : server.spec().sourceInstanceId();
    }

    static PreflightResult.Limits limits(TimeLimits limits) {
        return new PreflightResult.Limits(
                limits.replication().plus(BACKSTOP_MARGIN).toSeconds(),
                limits.launch().plus(BACKSTOP_MARGIN).toSeconds(),
                limits.approval().toSeconds());
    }
}
