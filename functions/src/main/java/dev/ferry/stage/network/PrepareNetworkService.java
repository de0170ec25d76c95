package dev.ferry.stage.network;

import dev.ferry.network.FerryTags;
import dev.ferry.network.KeyPairs;
import dev.ferry.network.LaunchDerivationException;
import dev.ferry.network.LaunchFromSource;
import dev.ferry.network.SecurityGroup;
import dev.ferry.network.SecurityGroupPlan;
import dev.ferry.network.SecurityGroupRecreation.RecreatedGroups;
import dev.ferry.network.SecurityGroupRecreation;
import dev.ferry.network.SourceEc2;
import dev.ferry.network.SourceInstance;
import dev.ferry.network.TargetNetwork;
import dev.ferry.notify.NetworkDifferencesMessage;
import dev.ferry.notify.Notifier;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.Records;
import dev.ferry.stage.Regional;
import dev.ferry.stage.WaveRef;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.NetworkSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.WaveDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets up the target region's network before launch settings are applied, for a wave with a
 * {@code network} section (a no-op otherwise): makes sure of the launch key pair (reused, or
 * imported from the wave's public key; never a private key), copies the source instances'
 * security groups into the target VPC, and derives each server's instance type, subnet and
 * groups from its source instance. The derived settings are stored per server; PrepareLaunch lays
 * the wave's and the server's own settings over them.
 *
 * <p>Safe to run again after a crash at any point: the key pair and the group copies are found
 * and reused, servers whose settings were derived are skipped, and the differences of reused
 * copies are told once per change.
 */
public class PrepareNetworkService {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareNetworkService.class);

    private final WaveStore store;
    private final Regional<SourceEc2> sourceRegions;
    private final TargetNetwork target;
    private final Notifier notifier;
    private final Clock clock;

    public PrepareNetworkService(WaveStore store, Regional<SourceEc2> sourceRegions, TargetNetwork target,
                                 Notifier notifier, Clock clock) {
        this.store = store;
        this.sourceRegions = sourceRegions;
        this.target = target;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Prepares the network of the wave, when it has a {@code network} section and is running.
     *
     * @throws UnknownWaveException when the wave is not in the store
     * @throws dev.ferry.network.MissingKeyPairException   when the key pair is missing and no public key is given
     * @throws dev.ferry.network.SecurityGroupConflictException when the target VPC has an untagged group of a copy's name
     */
    public WaveProgress prepare(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = store.require(ref.waveId());
            List<ServerRecord> servers = store.servers(wave.waveId());
            NetworkSettings network = wave.definition().network();
            List<ServerRecord> waiting = servers.stream()
                    .filter(server -> server.isActive() && server.stage() == Stage.PREFLIGHT)
                    .toList();
            boolean done = wave.network() != null && waiting.stream().allMatch(server -> server.derivedLaunch() != null);
            if (network == null || wave.status() != WaveStatus.RUNNING || done) {
                return WaveProgress.of(wave, servers);
            }
            return prepare(wave, network, servers, waiting);
        }
    }

    private WaveProgress prepare(WaveRecord wave, NetworkSettings network, List<ServerRecord> servers,
                                 List<ServerRecord> waiting) {
        KeyPairs.EnsuredKeyPair keyPair = network.keyPair() == null ? null
                : new KeyPairs(target).ensure(wave.waveId(), network.keyPair().name(), network.keyPair().publicKey());
        Map<String, SourceInstance> sources = Map.of();
        RecreatedGroups groups = null;
        if (network.derivesFromSource()) {
            SourceEc2 source = sourceRegions.in(wave.definition().sourceRegion());
            sources = source.describeInstances(instanceIds(waiting));
            if (network.recreateSecurityGroups()) {
                groups = recreateGroups(wave.waveId(), source, sources, network.targetVpcId());
            }
        }
        Map<String, String> copies = groups == null ? Map.of() : groups.targetBySource();
        List<ServerRecord> changed = new ArrayList<>();
        for (ServerRecord server : waiting) {
            if (server.derivedLaunch() == null) {
                changed.add(derive(wave, network, server, sources, copies));
            }
        }
        store.putServers(changed);

        NetworkSetup setup = setup(wave.network(), keyPair, groups,
                groups == null ? Set.of() : madeByThisWave(wave.waveId(), network.targetVpcId(), groups));
        tellDifferences(wave, network, setup);
        WaveRecord prepared = stopIfPolicySays(wave.withNetwork(setup), changed);
        store.update(prepared);
        WaveProgress progress = WaveProgress.of(prepared, Records.replaced(servers, changed));
        LOG.info("Network prepared: {} security group copies, {} servers derived, {} failed",
                setup.securityGroupCopies().size(), changed.size(), progress.failed());
        return progress;
    }

    private static Set<String> instanceIds(List<ServerRecord> servers) {
        Set<String> ids = new LinkedHashSet<>();
        servers.stream().map(ServerRecord::sourceInstanceId).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    private RecreatedGroups recreateGroups(String waveId, SourceEc2 source, Map<String, SourceInstance> sources,
                                                  String targetVpcId) {
        Set<String> groupIds = new TreeSet<>();
        sources.values().forEach(instance -> groupIds.addAll(instance.securityGroupIds()));
        if (groupIds.isEmpty()) {
            return null;
        }
        return new SecurityGroupRecreation(source, target).recreate(waveId, groupIds, targetVpcId);
    }

    /**
     * The server with the settings derived from its source instance (only what the wave and the
     * server leave out), or failed when something it needs cannot be derived.
     */
    private ServerRecord derive(WaveRecord wave, NetworkSettings network, ServerRecord server,
                                Map<String, SourceInstance> sources, Map<String, String> copies) {
        String keyName = network.keyPair() == null ? null : network.keyPair().name();
        LaunchSettings fromNetwork = new LaunchSettings(null, null, null, null, keyName, null, null, null, null, null);
        if (!network.derivesFromSource() || server.sourceInstanceId() == null) {
            return server.withDerivedLaunch(fromNetwork);
        }
        SourceInstance instance = sources.get(server.sourceInstanceId());
        if (instance == null) {
            return failed(server, "source instance " + server.sourceInstanceId() + " is not found in "
                    + wave.definition().sourceRegion());
        }
        LaunchSettings given = givenSettings(wave.definition(), server);
        // Without recreated groups there is nothing to derive groups from: the launch template keeps its own.
        SourceInstance view = network.recreateSecurityGroups() ? instance : withoutGroups(instance);
        try {
            LaunchSettings derived = LaunchFromSource.derive(view, given, network.subnetByAvailabilityZone(), copies);
            return server.withDerivedLaunch(new LaunchSettings(
                    given.instanceType() == null ? derived.instanceType() : null,
                    null,
                    given.subnetId() == null ? derived.subnetId() : null,
                    given.securityGroupIds() == null && network.recreateSecurityGroups()
                            ? derived.securityGroupIds() : null,
                    keyName, null, null, null, null, null));
        } catch (LaunchDerivationException e) {
            return failed(server, e.getMessage());
        }
    }

    private ServerRecord failed(ServerRecord server, String reason) {
        LOG.warn("Launch settings of {} cannot be derived: {}", server.sourceServerId(), reason);
        return server.enteringStage(Stage.PREPARE_LAUNCH, clock.instant())
                .failed("launch settings could not be derived from the source: " + reason, clock.instant());
    }

    /** The wave's launch settings with the server's own over them: what derivation must not override. */
    private static LaunchSettings givenSettings(WaveDefinition definition, ServerRecord server) {
        LaunchSettings wave = definition.launch() != null ? definition.launch() : LaunchSettings.none();
        return definition.servers().stream()
                .filter(spec -> isSpecOf(spec, server))
                .findFirst()
                .map(spec -> wave.overriddenBy(spec.launch()))
                .orElse(wave);
    }

    private static boolean isSpecOf(ServerSpec spec, ServerRecord server) {
        if (spec.sourceServerId() != null) {
            return spec.sourceServerId().equals(server.sourceServerId());
        }
        return spec.sourceInstanceId() != null && spec.sourceInstanceId().equals(server.sourceInstanceId());
    }

    private static SourceInstance withoutGroups(SourceInstance instance) {
        return new SourceInstance(instance.instanceId(), instance.instanceType(), instance.subnetId(),
                instance.availabilityZone(), instance.vpcId(), List.of(), instance.instanceProfileArn(),
                instance.platform(), instance.keyName(), instance.tags());
    }

    /**
     * The source groups whose copy this wave made, told by the copies' wave tag rather than by
     * this run, so that an attempt that crashed after making them still counts them.
     */
    private Set<String> madeByThisWave(String waveId, String targetVpcId, RecreatedGroups groups) {
        Set<String> made = new TreeSet<>(groups.created());
        for (SecurityGroup copy : target.findFerryGroups(targetVpcId, groups.targetBySource().keySet())) {
            String sourceId = copy.tag(FerryTags.SOURCE_GROUP);
            if (waveId.equals(copy.tag(FerryTags.WAVE)) && copy.groupId().equals(groups.targetBySource().get(sourceId))) {
                made.add(sourceId);
            }
        }
        return made;
    }

    /** What is in place now, with what earlier attempts created kept in the list of groups created. */
    private static NetworkSetup setup(NetworkSetup before, KeyPairs.EnsuredKeyPair keyPair, RecreatedGroups groups,
                                      Set<String> madeByThisWave) {
        Set<String> created = new TreeSet<>(before == null ? List.of() : before.groupsCreated());
        boolean imported = before != null && before.keyPairImported();
        if (keyPair != null) {
            imported = imported || keyPair.imported();
        }
        if (groups == null) {
            return new NetworkSetup(keyPair == null ? null : keyPair.keyPair().keyName(), imported,
                    before == null ? Map.of() : before.securityGroupCopies(), List.copyOf(created),
                    before == null ? List.of() : before.differences(), before == null ? List.of() : before.notCopied());
        }
        created.addAll(madeByThisWave);
        return new NetworkSetup(keyPair == null ? null : keyPair.keyPair().keyName(), imported,
                groups.targetBySource(), List.copyOf(created),
                groups.differences().stream().map(SecurityGroupPlan.RuleDifference::text).toList(),
                groups.outsideReferences().stream().map(SecurityGroupPlan.OutsideReference::text).toList());
    }

    /** Differences are told when they are new: a retried stage does not send the same message twice. */
    private void tellDifferences(WaveRecord wave, NetworkSettings network, NetworkSetup setup) {
        if (setup.differences().isEmpty() && setup.notCopied().isEmpty()) {
            return;
        }
        NetworkSetup before = wave.network();
        if (before != null && before.differences().equals(setup.differences())
                && before.notCopied().equals(setup.notCopied())) {
            return;
        }
        notifier.publish(NetworkDifferencesMessage.of(wave.definition().waveName(), network.targetVpcId(),
                setup.differences(), setup.notCopied()));
    }

    private static WaveRecord stopIfPolicySays(WaveRecord wave, List<ServerRecord> changed) {
        if (wave.definition().policies().onServerFailure() != OnServerFailure.STOP) {
            return wave;
        }
        return changed.stream()
                .filter(server -> !server.isActive())
                .findFirst()
                .map(failed -> {
                    WaveRecord stopped = wave.withStatus(WaveStatus.STOPPED, "Server " + failed.label() + " ("
                            + failed.sourceServerId() + ") failed in PREPARE_LAUNCH and the wave stops on a server "
                            + "failure: " + failed.failure().reason());
                    LOG.warn("Wave stopped: {}", stopped.reason());
                    return stopped;
                })
                .orElse(wave);
    }
}
