package dev.ferry.stage.preflight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.mgn.Job;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.SourceServer;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryAgentInstallStore;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.SimulatedCrash;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.ReplicationSettings;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static dev.ferry.stage.fakes.PreflightFixtures.DATABASE;
import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_ARN;
import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_NAME;
import static dev.ferry.stage.fakes.PreflightFixtures.MEDIA_SERVER;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static dev.ferry.stage.fakes.PreflightFixtures.PROXY;
import static dev.ferry.stage.fakes.PreflightFixtures.START_WAVE_SERVERS;
import static dev.ferry.stage.fakes.PreflightFixtures.TRANSCODER;
import static dev.ferry.stage.fakes.PreflightFixtures.archived;
import static dev.ferry.stage.fakes.PreflightFixtures.ready;
import static dev.ferry.stage.fakes.PreflightFixtures.request;
import static dev.ferry.stage.fakes.PreflightFixtures.sourceServer;
import static dev.ferry.stage.fakes.PreflightFixtures.startWaveServersReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class PreflightServiceTest {

    private static final String STAGING_SUBNET = "subnet-0a1b2c3d4e5f60718";

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void anInvalidWaveIsRefusedBeforeMgnIsRead() {
        FakeMgn mgn = new FakeMgn().uninitialized();
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.put("targetRegion", "Frankfurt");

        assertThatThrownBy(() -> preflight(mgn).run(request(wave))).isInstanceOf(InvalidWaveException.class);
        assertThat(mgn.initializeCalls()).isZero();
        assertThat(mgn.describeRequests()).isEmpty();
    }

    @Test
    void aWaveForAnotherRegionThanTheStacksIsRefusedBeforeMgnIsTouched() {
        FakeMgn mgn = new FakeMgn().uninitialized();
        PreflightService inIreland = new PreflightService(mgn, store, AgentInstallStore.none(),
                InMemoryServerClaims.claiming(), clock, Optional.of("eu-west-1"), ReplicationQuota.unknown());

        assertThatThrownBy(() -> inIreland.run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("targetRegion: the wave moves servers to eu-central-1 but this Ferry stack runs in "
                        + "eu-west-1; start the wave in the stack deployed in eu-central-1");
        assertThat(mgn.changedAnything()).isFalse();
    }

    @Test
    void aStackWhoseRegionIsUnknownTakesTheWavesTargetRegion() {
        PreflightService anywhere = new PreflightService(startWaveMgn(), store, AgentInstallStore.none(),
                InMemoryServerClaims.claiming(), clock, Optional.empty(), ReplicationQuota.unknown());

        assertThat(anywhere.run(request(WaveFiles.read("start-wave.json"))).progress().total()).isEqualTo(4);
    }

    @Test
    void mgnIsInitialisedWhenTheRegionHasNotBeenInitialised() {
        FakeMgn mgn = new FakeMgn().uninitialized().with(startWaveServersReady());

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.initializeCalls()).isEqualTo(1);
    }

    @Test
    void mgnIsNotInitialisedAgainWhenItAlreadyIs() {
        FakeMgn mgn = startWaveMgn();

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.initializeCalls()).isZero();
    }

    @Test
    void aRegionWithoutTemplateGetsOneMadeFromTheWavesReplicationSettings() {
        FakeMgn mgn = startWaveMgn().withoutReplicationTemplate();

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.createdTemplates()).containsExactly(new ReplicationSettings(STAGING_SUBNET, "t3.small", "GP3",
                "PUBLIC_IP", true, 0L, Map.of("Project", "ferry", "Purpose", "mgn-staging")));
    }

    @Test
    void theTemplateTakesTheDefaultsForWhatTheWaveLeavesOut() {
        FakeMgn mgn = startWaveMgn().withoutReplicationTemplate();
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.putObject("replication").put("stagingAreaSubnetId", STAGING_SUBNET);

        preflight(mgn).run(request(wave));

        assertThat(mgn.createdTemplates()).containsExactly(new ReplicationSettings(STAGING_SUBNET, "t3.small", "GP3",
                "PRIVATE_IP", false, 0L, Map.of()));
    }

    @Test
    void aRegionThatHasATemplateKeepsIt() {
        FakeMgn mgn = startWaveMgn();

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.createdTemplates()).isEmpty();
    }

    @Test
    void aRegionWithoutTemplateAndAWaveWithoutStagingSubnetIsRefused() {
        FakeMgn mgn = new FakeMgn().withoutReplicationTemplate().with(ready(MEDIA_SERVER));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("minimal-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("replication.stagingAreaSubnetId: MGN in eu-central-1 has no replication configuration "
                        + "template; give the staging subnet so that Ferry can create one");
    }

    @Test
    void noTemplateIsCreatedWhenAServerIsRefused() {
        FakeMgn mgn = new FakeMgn().withoutReplicationTemplate()
                .with(ready(MEDIA_SERVER), ready(TRANSCODER), ready(DATABASE));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(PreflightException.class);
        assertThat(mgn.createdTemplates()).isEmpty();
    }

    @Test
    void aRefusedWaveStoresNothing() {
        FakeMgn mgn = new FakeMgn().with(ready(MEDIA_SERVER));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(PreflightException.class);
        assertThat(store.find(EXECUTION_NAME)).isEmpty();
        assertThat(store.serverWrites()).isEmpty();
    }

    @Test
    void everyServerThatCannotGoIsReportedAtOnce() {
        FakeMgn mgn = new FakeMgn().with(ready(MEDIA_SERVER), sourceServer(TRANSCODER, null, LifecycleState.CUTOVER),
                archived(DATABASE));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("""
                        servers[1] media-transcoder: source server s-2b7d1c3e9a10f8e6a is cut over already (lifecycle CUTOVER)
                        servers[2] media-db: source server s-4c55e9f7e2b7d1c3e is archived in MGN
                        servers[3] media-proxy: source server s-9f0a1b2c3d4e5f607 is not in MGN in eu-central-1""");
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleState.class, names = {"NOT_READY", "READY_FOR_TEST", "TESTING", "READY_FOR_CUTOVER"})
    void aServerInALifecycleStateTheWaveWorksFromIsAccepted(LifecycleState lifecycle) {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, null, lifecycle));

        PreflightResult result = preflight(mgn).run(request(WaveFiles.read("minimal-wave.json")));

        assertThat(result.progress().active()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CUTTING_OVER         | is cutting over already (lifecycle CUTTING_OVER)
            CUTOVER              | is cut over already (lifecycle CUTOVER)
            DISCONNECTED         | is disconnected from MGN and no longer replicates (lifecycle DISCONNECTED)
            STOPPED              | has replication stopped (lifecycle STOPPED)
            PENDING_INSTALLATION | is still waiting for its replication agent to be installed (lifecycle PENDING_INSTALLATION)
            DISCOVERED           | was discovered but has no replication agent (lifecycle DISCOVERED)
            UNKNOWN              | is in a lifecycle state Ferry does not know""")
    void aServerInALifecycleStateTheWaveCannotWorkFromIsRefusedWithTheReason(LifecycleState lifecycle, String reason) {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, null, lifecycle));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("minimal-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[0] " + MEDIA_SERVER + ": source server " + MEDIA_SERVER + " " + reason);
    }

    @Test
    void aServerInAnActiveJobStartedOutsideTheWaveIsRefused() {
        FakeMgn mgn = new FakeMgn().with(ready(MEDIA_SERVER))
                .withJob(job("mgnjob-10cba81b2d2b1167a", "STARTED", Duration.ofHours(1)));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("minimal-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[0] " + MEDIA_SERVER + ": source server " + MEDIA_SERVER + " is in active MGN job "
                        + "mgnjob-10cba81b2d2b1167a (START_TEST) started outside this wave; start the wave once that "
                        + "job completes");
    }

    @Test
    void aServerWhoseEarlierJobCompletedIsAccepted() {
        FakeMgn mgn = new FakeMgn().with(ready(MEDIA_SERVER))
                .withJob(job("mgnjob-10cba81b2d2b1167a", "COMPLETED", Duration.ofHours(1)));

        assertThat(preflight(mgn).run(request(WaveFiles.read("minimal-wave.json"))).progress().active()).isEqualTo(1);
    }

    @Test
    void activeJobsAreLookedForAWeekBack() {
        FakeMgn mgn = startWaveMgn();

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.jobsSinceRequests()).containsExactly(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void serversGivenBySourceServerIdAreDescribedByThoseIdsAndTheRegionIsListedOnceToCountWhatReplicates() {
        FakeMgn mgn = startWaveMgn();

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.describeRequests()).containsExactly(START_WAVE_SERVERS);
        assertThat(mgn.listCalls()).isOne();
    }

    @Test
    void aWaveThatWouldReplicateMoreServersThanMgnAllowsIsRefusedSayingByHowManyAndHowToFitIt() {
        FakeMgn mgn = startWaveMgn().with(otherServers(147, "CONTINUOUS")).with(otherServers(5, "DISCONNECTED"));

        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("servers: the wave's 4 servers and the 147 other servers replicating in "
                        + "eu-central-1 need 151 servers replicating at once, but MGN replicates at most 150 in this "
                        + "account and region (MGN's default: Service Quotas could not be read and the wave sets no "
                        + "quotas.replicatingServers)")
                .hasMessageContaining("Ask for at least 151 in Service Quotas")
                .hasMessageContaining("or split it into waves of at most 3 servers");
        assertThat(store.find(EXECUTION_NAME)).isEmpty();
    }

    @Test
    void aWaveThatStatesARaisedQuotaIsTakenAtItsWord() {
        FakeMgn mgn = startWaveMgn().with(otherServers(147, "INITIAL_SYNC"));
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.putObject("quotas").put("replicatingServers", 151);

        PreflightResult result = preflight(mgn).run(request(wave));

        assertThat(result.progress().total()).isEqualTo(4);
    }

    @Test
    void theQuotaServiceQuotasAppliesOutranksTheWaves() {
        FakeMgn mgn = startWaveMgn().with(otherServers(147, "CONTINUOUS"));
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.putObject("quotas").put("replicatingServers", 1000);
        PreflightService preflight = new PreflightService(mgn, store, new InMemoryAgentInstallStore(),
                InMemoryServerClaims.claiming(), clock,
                Optional.of("eu-central-1"), () -> OptionalInt.of(150));

        assertThatThrownBy(() -> preflight.run(request(wave)))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("at most 150 in this account and region (the quota Service Quotas applies)")
                .hasMessageNotContaining("with quotas.replicatingServers");
    }

    @Test
    void serversGivenByInstanceIdAreFoundThroughTheirIdentificationHints() {
        FakeMgn mgn = new FakeMgn().with(
                sourceServer("s-0000000000000000a", "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY),
                sourceServer("s-0000000000000000b", "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY),
                sourceServer(DATABASE, "i-1a2b3c4d", LifecycleState.READY_FOR_TEST));

        preflight(mgn).run(request(WaveFiles.read("wave-by-instance-ids.json")));

        assertThat(store.servers(EXECUTION_NAME)).extracting(ServerRecord::sourceServerId, ServerRecord::sourceInstanceId)
                .containsExactly(
                        tuple("s-0000000000000000a", "i-0b2c3d4e5f6071829"),
                        tuple("s-0000000000000000b", "i-0a1b2c3d4e5f60718"),
                        tuple(DATABASE, "i-1a2b3c4d"));
    }

    @Test
    void aServerGivenByBothIdsThatDisagreeIsRefused() {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY));
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.put("sourceRegion", "us-east-1");
        ((ObjectNode) wave.get("servers").get(0)).put("sourceInstanceId", "i-0fffffffffffffff0");

        assertThatThrownBy(() -> preflight(mgn).run(request(wave)))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[0] " + MEDIA_SERVER + ": source server " + MEDIA_SERVER
                        + " replicates instance i-0a1b2c3d4e5f60718, not i-0fffffffffffffff0");
    }

    @Test
    void anInstanceNoSourceServerReplicatesIsRefused() {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0fffffffffffffff0", LifecycleState.NOT_READY));

        assertThatThrownBy(() -> preflight(mgn).run(request(byInstance("i-0a1b2c3d4e5f60718"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[0] i-0a1b2c3d4e5f60718: no MGN source server in eu-central-1 replicates instance "
                        + "i-0a1b2c3d4e5f60718; install the replication agent on it first");
    }

    @Test
    void anInstanceWhoseOnlySourceServerIsArchivedIsNotFound() {
        FakeMgn mgn = new FakeMgn().with(new SourceServer(MEDIA_SERVER, "arn", "web-1",
                "i-0a1b2c3d4e5f60718", LifecycleState.CUTOVER, "DISCONNECTED", null, null, true, null));

        assertThatThrownBy(() -> preflight(mgn).run(request(byInstance("i-0a1b2c3d4e5f60718"))))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("no MGN source server in eu-central-1 replicates instance i-0a1b2c3d4e5f60718");
    }

    @Test
    void anInstanceReplicatedBySeveralSourceServersIsRefused() {
        FakeMgn mgn = new FakeMgn().with(
                sourceServer("s-0000000000000000b", "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY),
                sourceServer("s-0000000000000000a", "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY));

        assertThatThrownBy(() -> preflight(mgn).run(request(byInstance("i-0a1b2c3d4e5f60718"))))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[0] i-0a1b2c3d4e5f60718: instance i-0a1b2c3d4e5f60718 is replicated by several "
                        + "source servers (s-0000000000000000a, s-0000000000000000b); name the one to move by "
                        + "sourceServerId");
    }

    @Test
    void twoEntriesThatAreTheSameServerAreRefused() {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY));
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.put("sourceRegion", "us-east-1");
        ((ArrayNode) wave.get("servers")).addObject().put("sourceInstanceId", "i-0a1b2c3d4e5f60718");

        assertThatThrownBy(() -> preflight(mgn).run(request(wave)))
                .isInstanceOf(PreflightException.class)
                .hasMessage("servers[1] i-0a1b2c3d4e5f60718: is source server " + MEDIA_SERVER
                        + ", which servers[0] already names");
    }

    @Test
    void theWaveIsStoredUnderTheExecutionNameAsRunning() {
        preflight(startWaveMgn()).run(request(WaveFiles.read("start-wave.json")));

        assertThat(store.find(EXECUTION_NAME)).contains(new WaveRecord(EXECUTION_NAME, EXECUTION_ARN,
                WaveFiles.parse("start-wave.json"), WaveRecord.WaveStatus.RUNNING, null, NOW, null, null));
    }

    @Test
    void eachServerJoinsTheWaveInPreflightUnderItsName() {
        preflight(startWaveMgn()).run(request(WaveFiles.read("start-wave.json")));

        assertThat(store.server(EXECUTION_NAME, MEDIA_SERVER)).isEqualTo(
                ServerRecord.joining(EXECUTION_NAME, MEDIA_SERVER, "media-server", "i-03a5b49c3810fa449", NOW));
    }

    @Test
    void aServerWithoutANameIsLabelledWithItsHostname() {
        preflight(new FakeMgn().with(ready(MEDIA_SERVER))).run(request(WaveFiles.read("minimal-wave.json")));

        assertThat(store.server(EXECUTION_NAME, MEDIA_SERVER).label()).isEqualTo("host-" + MEDIA_SERVER);
    }

    @Test
    void theResultCarriesTheWaitLimitsWithTheirBackstopMargin() {
        PreflightResult result = preflight(startWaveMgn()).run(request(WaveFiles.read("start-wave.json")));

        // A launch stage of up to 200 servers: one round of queueing, then a last launch's 45 minutes.
        assertThat(result.limits()).isEqualTo(new PreflightResult.Limits(
                Duration.ofHours(48).plusMinutes(30).toSeconds(),
                Duration.ofMinutes(45 + 45 + 30).toSeconds(),
                Duration.ofHours(24).toSeconds()));
    }

    @Test
    void aWaveWithNetworkAndDnsSectionsTurnsOnTheirStagesInTheOptions() {
        FakeMgn mgn = new FakeMgn().with(
                sourceServer("s-0000000000000000a", "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY),
                sourceServer("s-0000000000000000b", "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY));

        PreflightResult result = preflight(mgn).run(request(WaveFiles.read("wave-with-network-and-dns.json")));

        assertThat(result.options()).isEqualTo(new PreflightResult.Options(false, true, true, true));
    }

    @Test
    void theResultCarriesTheOptionsAndTheCounts() {
        PreflightResult result = preflight(startWaveMgn()).run(request(WaveFiles.read("start-wave.json")));

        assertThat(result.waveId()).isEqualTo(EXECUTION_NAME);
        assertThat(result.options()).isEqualTo(new PreflightResult.Options(false, true, false, false));
        assertThat(result.progress()).isEqualTo(new WaveProgress(EXECUTION_NAME, 4, 4, 0, 0, 0, false, null));
    }

    @Test
    void aRetryAfterACrashMidWayNeitherInitialisesNorCreatesTheTemplateAgain() {
        FakeMgn mgn = new FakeMgn().uninitialized().with(startWaveServersReady());
        store.crashAfterServerWrites(2);
        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(SimulatedCrash.class);

        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(mgn.initializeCalls()).isEqualTo(1);
        assertThat(mgn.createdTemplates()).hasSize(1);
    }

    @Test
    void aRetryAfterACrashMidWayKeepsTheFirstStartAndStoresOnlyTheMissingServers() {
        FakeMgn mgn = startWaveMgn();
        store.crashAfterServerWrites(2);
        assertThatThrownBy(() -> preflight(mgn).run(request(WaveFiles.read("start-wave.json"))))
                .isInstanceOf(SimulatedCrash.class);
        clock.advance(Duration.ofMinutes(1));

        PreflightResult result = preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(store.find(EXECUTION_NAME).orElseThrow().startedAt()).isEqualTo(NOW);
        assertThat(store.waveCreates()).isEqualTo(1);
        assertThat(store.serverWrites()).extracting(ServerRecord::sourceServerId)
                .containsExactly(MEDIA_SERVER, TRANSCODER, DATABASE, PROXY);
        assertThat(result.progress().total()).isEqualTo(4);
    }

    @Test
    void aRetryLeavesServerRecordsThatHaveMovedOnAsTheyAre() {
        FakeMgn mgn = startWaveMgn();
        preflight(mgn).run(request(WaveFiles.read("start-wave.json")));
        ServerRecord movedOn = store.server(EXECUTION_NAME, MEDIA_SERVER)
                .enteringStage(Stage.PREPARE_LAUNCH, NOW.plusSeconds(5)).failed("launch template not found", NOW);
        store.putServer(movedOn);

        PreflightResult result = preflight(mgn).run(request(WaveFiles.read("start-wave.json")));

        assertThat(store.server(EXECUTION_NAME, MEDIA_SERVER)).isEqualTo(movedOn);
        assertThat(store.serverWrites()).hasSize(5);
        assertThat(result.progress().failed()).isEqualTo(1);
    }

    @Test
    void inAWaveWithAgentInstallationAnInstanceMgnDoesNotKnowGetsAnInstallationInsteadOfARefusal() {
        InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY));

        PreflightResult result = withInstalls(mgn, installs).run(request(WaveFiles.read("wave-with-agent-installation.json")));

        assertThat(installs.installs(EXECUTION_NAME)).singleElement().satisfies(install -> {
            assertThat(install.instanceId()).isEqualTo("i-0a1b2c3d4e5f60718");
            assertThat(install.name()).isEqualTo("web-1");
            assertThat(install.state()).isEqualTo(AgentInstallRecord.State.CHECKING);
            assertThat(install.startedAt()).isEqualTo(NOW);
        });
        assertThat(store.servers(EXECUTION_NAME)).extracting(ServerRecord::sourceServerId).containsExactly(MEDIA_SERVER);
        assertThat(result.options().installAgents()).isTrue();
        assertThat(result.progress().total()).isEqualTo(1);
    }

    @Test
    void aWaveWithAgentInstallationWhoseServersAreAllInMgnInstallsNothing() {
        InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
        FakeMgn mgn = new FakeMgn().with(
                sourceServer("s-0000000000000000a", "i-0a1b2c3d4e5f60718", LifecycleState.NOT_READY),
                sourceServer("s-0000000000000000b", "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY));

        PreflightResult result = withInstalls(mgn, installs).run(request(WaveFiles.read("wave-with-agent-installation.json")));

        assertThat(installs.installs(EXECUTION_NAME)).isEmpty();
        assertThat(result.options().installAgents()).isFalse();
        assertThat(result.progress().total()).isEqualTo(2);
    }

    @Test
    void aRetriedPreflightKeepsAnInstallationThatHasMovedOn() {
        InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY));
        AgentInstallRecord failed = AgentInstallRecord.pending(EXECUTION_NAME, "i-0a1b2c3d4e5f60718", "web-1", NOW)
                .failed("instance i-0a1b2c3d4e5f60718 is not found in us-east-1", NOW);
        installs.with(failed);

        PreflightResult result = withInstalls(mgn, installs).run(request(WaveFiles.read("wave-with-agent-installation.json")));

        assertThat(installs.installs(EXECUTION_NAME)).containsExactly(failed);
        assertThat(installs.writes()).isEmpty();
        assertThat(result.options().installAgents()).isFalse();
    }

    @Test
    void withoutAgentInstallationAnInstanceMgnDoesNotKnowIsStillRefused() {
        FakeMgn mgn = new FakeMgn().with(sourceServer(MEDIA_SERVER, "i-0b2c3d4e5f6071829", LifecycleState.NOT_READY));
        ObjectNode wave = WaveFiles.read("wave-with-agent-installation.json");
        wave.remove("agentInstallation");

        assertThatThrownBy(() -> withInstalls(mgn, new InMemoryAgentInstallStore()).run(request(wave)))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("no MGN source server in eu-central-1 replicates instance i-0a1b2c3d4e5f60718");
    }

    private PreflightService withInstalls(FakeMgn mgn, InMemoryAgentInstallStore installs) {
        return new PreflightService(mgn, store, installs, InMemoryServerClaims.claiming(), clock,
                Optional.of("eu-central-1"), ReplicationQuota.unknown());
    }

    @Test
    void aWaveAskingForAnMgnWaveGetsOneWithAnApplicationHoldingItsServers() {
        FakeMgn mgn = startWaveMgn();
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.putObject("mgnWave");

        preflight(mgn).run(request(wave));

        assertThat(mgn.waves()).extracting(dev.ferry.mgn.MgnWave::name).containsExactly(EXECUTION_NAME);
        assertThat(mgn.applications()).singleElement().satisfies(application ->
                assertThat(mgn.sourceServersInApplication(application.id())).hasSize(4));
    }

    @Test
    void aServerInAnotherMgnApplicationRefusesTheWaveBeforeAnythingIsCreated() {
        FakeMgn mgn = startWaveMgn();
        mgn.addApplication("Billing", null, TRANSCODER);
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.putObject("mgnWave").put("name", "Media, wave 1");

        assertThatThrownBy(() -> preflight(mgn).run(request(wave)))
                .isInstanceOf(PreflightException.class)
                .hasMessageContaining("mgnWave: server media-transcoder (" + TRANSCODER
                        + ") is in MGN application \"Billing\"");
        assertThat(mgn.waves()).isEmpty();
        assertThat(mgn.applications()).hasSize(1);
    }

    private PreflightService preflight(FakeMgn mgn) {
        return new PreflightService(mgn, store, AgentInstallStore.none(), InMemoryServerClaims.claiming(), clock,
                Optional.of("eu-central-1"), ReplicationQuota.unknown());
    }

    private static FakeMgn startWaveMgn() {
        return new FakeMgn().with(startWaveServersReady());
    }

    /** Servers of other waves or none, in this replication state. */
    private static List<SourceServer> otherServers(int count, String replication) {
        return IntStream.range(0, count)
                .mapToObj(index -> String.format("s-%s%016x", replication.charAt(0) == 'C' ? "1" : "2", index))
                .map(id -> new SourceServer(id, "arn:aws:mgn:eu-central-1:111122223333:source-server/" + id, null,
                        null, LifecycleState.READY_FOR_TEST, replication, null, null, false, null))
                .toList();
    }

    private static ObjectNode byInstance(String instanceId) {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.put("sourceRegion", "us-east-1");
        ObjectNode server = (ObjectNode) wave.get("servers").get(0);
        server.remove("sourceServerId");
        server.put("sourceInstanceId", instanceId);
        return wave;
    }

    private static Job job(String id, String status, Duration age) {
        return new Job(id, "LAUNCH", "START_TEST", status, NOW.minus(age),
                List.of(new Job.Participant(MEDIA_SERVER, "IN_PROGRESS", null)));
    }
}
