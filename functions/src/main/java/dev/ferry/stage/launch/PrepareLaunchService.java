package dev.ferry.stage.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.LaunchTemplateChange;
import dev.ferry.json.Json;
import dev.ferry.mgn.LaunchConfigurationChange;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.MgnThrottledException;
import dev.ferry.retry.TransientFailures;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Concurrently;
import dev.ferry.stage.WaveRef;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.WaveDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies each server's launch settings before replication is awaited (walkthrough step 5): the
 * MGN launch configuration, then a new default version of the server's EC2 launch template,
 * which the server's record keeps for the report. The settings are layered: what PrepareNetwork
 * derived from the source instance, overridden by the wave's settings, overridden by the server's.
 * Safe to run again after a crash: servers already prepared are skipped, the launch configuration
 * update sets the same values again, and the launch template version is created with a token
 * derived from the wave, the server and the settings, so EC2 hands back the version it made first.
 *
 * <p>A server whose settings cannot be applied fails; under the wave's STOP policy the wave stops
 * there and the servers not prepared yet stay where they are.
 */
public class PrepareLaunchService {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareLaunchService.class);
    /** Servers prepared at once: quick for a large wave, gentle on MGN's and EC2's request rates. */
    static final int SERVERS_IN_PARALLEL = 8;

    private final MgnGateway mgn;
    private final Ec2Gateway ec2;
    private final WaveStore store;
    private final Clock clock;
    private final int serversInParallel;

    public PrepareLaunchService(MgnGateway mgn, Ec2Gateway ec2, WaveStore store, Clock clock) {
        this(mgn, ec2, store, clock, SERVERS_IN_PARALLEL);
    }

    /** With {@code serversInParallel} servers prepared at once (1: one after the other, in wave order). */
    PrepareLaunchService(MgnGateway mgn, Ec2Gateway ec2, WaveStore store, Clock clock, int serversInParallel) {
        this.mgn = mgn;
        this.ec2 = ec2;
        this.store = store;
        this.clock = clock;
        this.serversInParallel = serversInParallel;
    }

    /**
     * Prepares every active server that is not prepared yet. A wave that is no longer running (it
     * stopped on an earlier attempt) is left as it is; its remaining servers are left behind by the report.
     *
     * @throws UnknownWaveException when the wave is not in the store
     */
    public WaveProgress prepare(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = store.require(ref.waveId());
            List<ServerRecord> servers = new ArrayList<>(store.servers(wave.waveId()));
            if (wave.status() == WaveStatus.RUNNING) {
                enterPrepareLaunch(servers);
                wave = prepareEach(wave, servers);
            }
            WaveProgress progress = WaveProgress.of(wave, servers);
            LOG.info("Launch settings prepared: {} active, {} failed", progress.active(), progress.failed());
            return progress;
        }
    }

    /** Marks in one batch the servers this stage is about to work on, so reports show where each one is. */
    private void enterPrepareLaunch(List<ServerRecord> servers) {
        List<ServerRecord> entering = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerRecord server = servers.get(i);
            if (server.isActive() && server.stage() == Stage.PREFLIGHT) {
                ServerRecord next = server.enteringStage(Stage.PREPARE_LAUNCH, clock.instant());
                servers.set(i, next);
                entering.add(next);
            }
        }
        if (!entering.isEmpty()) {
            store.putServers(entering);
        }
    }

    /**
     * Prepares the servers a few at a time (four MGN and EC2 calls each: serially, a 1,000-server
     * wave would outlast the function's time limit), saving each as it is done; returns the wave as
     * it then stands. Under the STOP policy no server is started after the first failure.
     */
    private WaveRecord prepareEach(WaveRecord wave, List<ServerRecord> servers) {
        WaveDefinition definition = wave.definition();
        boolean stopOnFailure = definition.policies().onServerFailure() == OnServerFailure.STOP;
        AtomicReference<ServerRecord> firstFailure = new AtomicReference<>();
        AtomicBoolean aborted = new AtomicBoolean();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).isActive() && servers.get(i).stage() == Stage.PREPARE_LAUNCH) {
                pending.add(i);
            }
        }
        List<ServerRecord> prepared = Concurrently.map(pending, serversInParallel, index -> {
            ServerRecord server = servers.get(index);
            if (aborted.get() || (stopOnFailure && firstFailure.get() != null)) {
                return server;
            }
            try {
                ServerRecord done = prepareOne(wave.waveId(), server, settingsFor(definition, server));
                store.putServer(done);
                if (!done.isActive()) {
                    firstFailure.compareAndSet(null, done);
                }
                return done;
            } catch (RuntimeException notTheServers) {
                // Throttling or the store: start nothing more; the retried stage picks up from here.
                aborted.set(true);
                throw notTheServers;
            }
        });
        for (int i = 0; i < pending.size(); i++) {
            servers.set(pending.get(i), prepared.get(i));
        }
        ServerRecord failed = firstFailure.get();
        if (failed == null || !stopOnFailure) {
            return wave;
        }
        WaveRecord stopped = wave.withStatus(WaveStatus.STOPPED, "Server " + failed.label() + " ("
                + failed.sourceServerId() + ") failed in PREPARE_LAUNCH and the wave stops on a server failure: "
                + failed.failure().reason());
        store.update(stopped);
        LOG.warn("Wave stopped: {}", stopped.reason());
        return stopped;
    }

    private ServerRecord prepareOne(String waveId, ServerRecord server, LaunchSettings settings) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("sourceServerId", server.sourceServerId())) {
            updateLaunchConfiguration(server.sourceServerId(), settings);
            ServerRecord prepared = server;
            if (settings.changesLaunchTemplate()) {
                prepared = server.withLaunchTemplate(updateLaunchTemplate(waveId, server.sourceServerId(), settings));
            }
            LOG.info("Launch settings applied");
            return prepared.enteringStage(Stage.REPLICATION, clock.instant());
        } catch (MgnThrottledException throttled) {
            // Not the server's fault: the state machine retries the stage later, and the stage is safe to repeat.
            throw throttled;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                // Not a refusal of the settings: the retried stage applies them again, which changes nothing twice.
                throw e;
            }
            // The server cannot be launched as the wave asks; the wave's policy decides what that means for the others.
            LOG.warn("Launch settings could not be applied to {}", server.sourceServerId(), e);
            return server.failed("launch settings could not be applied: " + e.getMessage(), clock.instant());
        }
    }

    private void updateLaunchConfiguration(String sourceServerId, LaunchSettings settings) {
        // A chosen instance type only sticks when MGN's right-sizing is off (walkthrough step 5).
        String rightSizing = settings.instanceType() != null ? "NONE" : settings.rightSizing();
        LaunchConfigurationChange change = new LaunchConfigurationChange(rightSizing, settings.copyPrivateIp(),
                settings.copyTags(), settings.launchDisposition());
        if (change.rightSizing() != null || change.copyPrivateIp() != null || change.copyTags() != null
                || change.launchDisposition() != null) {
            mgn.updateLaunchConfiguration(sourceServerId, change);
        }
    }

    private ServerRecord.LaunchTemplate updateLaunchTemplate(String waveId, String sourceServerId,
                                                             LaunchSettings settings) {
        LaunchTemplateChange change = new LaunchTemplateChange(settings.instanceType(), settings.subnetId(),
                settings.securityGroupIds(), settings.keyName(), settings.associatePublicIp(), settings.tags());
        String launchTemplateId = mgn.launchTemplateId(sourceServerId);
        long version = ec2.createLaunchTemplateVersion(launchTemplateId, change,
                idempotencyToken(waveId, sourceServerId, change));
        ec2.setDefaultLaunchTemplateVersion(launchTemplateId, version);
        LOG.info("Launch template {} version {} is now the default", launchTemplateId, version);
        return new ServerRecord.LaunchTemplate(launchTemplateId, version);
    }

    /**
     * The settings derived from the server's source instance (by PrepareNetwork), with the wave's
     * launch settings laid over them, and the server's own settings over those.
     */
    static LaunchSettings settingsFor(WaveDefinition definition, ServerRecord server) {
        LaunchSettings derived = server.derivedLaunch() != null ? server.derivedLaunch() : LaunchSettings.none();
        LaunchSettings waveSettings = derived.overriddenBy(definition.launch());
        return definition.servers().stream()
                .filter(spec -> isSpecOf(spec, server))
                .findFirst()
                .map(spec -> waveSettings.overriddenBy(spec.launch()))
                .orElse(waveSettings);
    }

    private static boolean isSpecOf(ServerSpec spec, ServerRecord server) {
        if (spec.sourceServerId() != null) {
            return spec.sourceServerId().equals(server.sourceServerId());
        }
        return spec.sourceInstanceId() != null && spec.sourceInstanceId().equals(server.sourceInstanceId());
    }

    /**
     * The EC2 client token for a server's launch template version: the same wave, server and
     * settings always give the same token (so a retry gets the version already made), other
     * settings another one. 64 hexadecimal characters, within EC2's limit for client tokens.
     */
    static String idempotencyToken(String waveId, String sourceServerId, LaunchTemplateChange change) {
        ObjectNode canonical = Json.mapper().createObjectNode();
        canonical.put("waveId", waveId);
        canonical.put("sourceServerId", sourceServerId);
        canonical.put("instanceType", change.instanceType());
        canonical.put("subnetId", change.subnetId());
        canonical.putPOJO("securityGroupIds", change.securityGroupIds());
        canonical.put("keyName", change.keyName());
        canonical.put("associatePublicIp", change.associatePublicIp());
        canonical.putPOJO("tags", change.tags() == null ? null : new TreeMap<>(change.tags()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.mapper().writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot derive a launch template client token", e);
        }
    }
}
