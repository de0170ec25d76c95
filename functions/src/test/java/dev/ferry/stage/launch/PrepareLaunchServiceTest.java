package dev.ferry.stage.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.ec2.LaunchTemplateChange;
import dev.ferry.mgn.LaunchConfigurationChange;
import dev.ferry.mgn.MgnThrottledException;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.WaveRef;
import dev.ferry.testing.FakeMgn.LaunchConfigurationUpdate;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.SimulatedCrash;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.WaveDefinitionParser;
import dev.ferry.wave.WaveFiles;
import dev.ferry.wave.testing.FakeEc2.DefaultVersion;
import dev.ferry.wave.testing.FakeEc2.VersionRequest;
import dev.ferry.wave.testing.FakeEc2;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ferry.stage.fakes.PreflightFixtures.DATABASE;
import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_ARN;
import static dev.ferry.stage.fakes.PreflightFixtures.MEDIA_SERVER;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static dev.ferry.stage.fakes.PreflightFixtures.PROXY;
import static dev.ferry.stage.fakes.PreflightFixtures.START_WAVE_SERVERS;
import static dev.ferry.stage.fakes.PreflightFixtures.TRANSCODER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrepareLaunchServiceTest {

    private static final String WAVE_ID = "media-stack-wave-1-20260302";
    private static final String SUBNET = "subnet-0f1e2d3c4b5a69788";
    private static final List<String> SECURITY_GROUPS = List.of("sg-0123456789abcdef0");
    private static final String KEY = "media-eu-central-1";
    private static final Map<String, String> TAGS = Map.of("Project", "media", "MigratedBy", "ferry");
    private static final String FAILING_TEMPLATE_REASON = "launch settings could not be applied: "
            + "InvalidLaunchTemplateId.NotFound: " + launchTemplate(TRANSCODER);

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeMgn mgn = new FakeMgn();
    private final FakeEc2 ec2 = new FakeEc2();
    /** One server at a time, so that a simulated crash stops the stage where a real one would. */
    private final PrepareLaunchService prepareLaunch = new PrepareLaunchService(mgn, ec2, store, clock, 1);

    @Test
    void theLaunchConfigurationTurnsRightSizingOffWhenAnInstanceTypeIsGiven() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        LaunchConfigurationChange expected = new LaunchConfigurationChange("NONE", false, true, "STARTED");
        assertThat(mgn.launchConfigurationUpdates()).containsExactly(
                new LaunchConfigurationUpdate(MEDIA_SERVER, expected),
                new LaunchConfigurationUpdate(TRANSCODER, expected),
                new LaunchConfigurationUpdate(DATABASE, expected),
                new LaunchConfigurationUpdate(PROXY, expected));
    }

    @Test
    void theWavesRightSizingIsUsedWhenNoInstanceTypeIsGiven() {
        storeWave(WaveFiles.read("wave-by-instance-ids.json"), Map.of(
                "s-0000000000000000a", "i-0a1b2c3d4e5f60718",
                "s-0000000000000000b", "i-0b2c3d4e5f6071829",
                DATABASE, "i-1a2b3c4d"));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::change)
                .containsOnly(new LaunchConfigurationChange("BASIC", null, null, null))
                .hasSize(3);
    }

    @Test
    void aServerGivenByInstanceIdGetsItsOwnSettings() {
        ObjectNode wave = WaveFiles.read("wave-by-instance-ids.json");
        ((ObjectNode) wave.get("servers").get(1)).putObject("launch").put("keyName", "web-2-key");
        storeWave(wave, Map.of(
                "s-0000000000000000a", "i-0a1b2c3d4e5f60718",
                "s-0000000000000000b", "i-0b2c3d4e5f6071829",
                DATABASE, "i-1a2b3c4d"));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(ec2.versionRequests()).filteredOn(request -> request.change().keyName() != null)
                .extracting(VersionRequest::launchTemplateId)
                .containsExactly(launchTemplate("s-0000000000000000b"));
    }

    @Test
    void aWaveWithoutLaunchSettingsChangesNothingInMgnOrEc2() {
        storeWave(WaveFiles.read("minimal-wave.json"), Map.of(MEDIA_SERVER, "i-03a5b49c3810fa449"));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).isEmpty();
        assertThat(ec2.versionRequests()).isEmpty();
    }

    @Test
    void aServersOwnSettingsOverrideTheWavesInItsLaunchTemplate() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(versionRequestOf(MEDIA_SERVER).change())
                .isEqualTo(new LaunchTemplateChange("t3.micro", SUBNET, SECURITY_GROUPS, KEY, true, TAGS));
    }

    @Test
    void aServerWithoutSettingsOfItsOwnGetsTheWavesInItsLaunchTemplate() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(versionRequestOf(DATABASE).change())
                .isEqualTo(new LaunchTemplateChange("t3.medium", SUBNET, SECURITY_GROUPS, KEY, null, TAGS));
    }

    @Test
    void theNewVersionIsMadeTheDefaultOfTheServersLaunchTemplate() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(ec2.defaultVersionRequests()).containsExactly(
                new DefaultVersion(launchTemplate(MEDIA_SERVER), 2),
                new DefaultVersion(launchTemplate(TRANSCODER), 2),
                new DefaultVersion(launchTemplate(DATABASE), 2),
                new DefaultVersion(launchTemplate(PROXY), 2));
    }

    @Test
    void theVersionIsRequestedWithTheTokenOfTheWaveServerAndSettings() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        VersionRequest request = versionRequestOf(MEDIA_SERVER);
        assertThat(request.idempotencyToken())
                .isEqualTo(PrepareLaunchService.idempotencyToken(WAVE_ID, MEDIA_SERVER, request.change()));
    }

    @Test
    void theTokenIsTheSameForTheSameWaveServerAndSettings() {
        LaunchTemplateChange change = new LaunchTemplateChange("t3.micro", SUBNET, SECURITY_GROUPS, KEY, true, TAGS);
        LaunchTemplateChange sameInAnotherOrder = new LaunchTemplateChange("t3.micro", SUBNET, SECURITY_GROUPS, KEY,
                true, reversed(TAGS));

        assertThat(PrepareLaunchService.idempotencyToken(WAVE_ID, MEDIA_SERVER, change))
                .isEqualTo(PrepareLaunchService.idempotencyToken(WAVE_ID, MEDIA_SERVER, sameInAnotherOrder))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theTokenDiffersForAnotherWaveServerOrSettings() {
        LaunchTemplateChange change = new LaunchTemplateChange("t3.micro", SUBNET, SECURITY_GROUPS, KEY, true, TAGS);
        LaunchTemplateChange otherType = new LaunchTemplateChange("t3.small", SUBNET, SECURITY_GROUPS, KEY, true, TAGS);
        String token = PrepareLaunchService.idempotencyToken(WAVE_ID, MEDIA_SERVER, change);

        assertThat(List.of(
                PrepareLaunchService.idempotencyToken("another-wave", MEDIA_SERVER, change),
                PrepareLaunchService.idempotencyToken(WAVE_ID, TRANSCODER, change),
                PrepareLaunchService.idempotencyToken(WAVE_ID, MEDIA_SERVER, otherType)))
                .doesNotContain(token)
                .doesNotHaveDuplicates();
    }

    @Test
    void preparedServersMoveThroughPrepareLaunchIntoReplication() {
        startWaveStored();
        clock.advance(Duration.ofMinutes(2));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        ServerRecord media = store.server(WAVE_ID, MEDIA_SERVER);
        assertThat(media.stage()).isEqualTo(Stage.REPLICATION);
        assertThat(media.stageTimes()).containsEntry(Stage.PREPARE_LAUNCH,
                new ServerRecord.StageTime(NOW.plus(Duration.ofMinutes(2)), NOW.plus(Duration.ofMinutes(2))));
    }

    @Test
    void theProgressCountsEveryPreparedServerAsActive() {
        startWaveStored();

        assertThat(prepareLaunch.prepare(new WaveRef(WAVE_ID)))
                .isEqualTo(new WaveProgress(WAVE_ID, 4, 4, 0, 0, 0, false, null));
    }

    @Test
    void aServerWhoseLaunchTemplateCannotBeUpdatedFailsWithTheReason() {
        startWaveStored();
        ec2.failing(launchTemplate(TRANSCODER));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        ServerRecord transcoder = store.server(WAVE_ID, TRANSCODER);
        assertThat(transcoder.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(transcoder.failure()).isEqualTo(new ServerRecord.Failure(Stage.PREPARE_LAUNCH,
                FAILING_TEMPLATE_REASON, NOW));
    }

    @Test
    void aServerWhoseLaunchConfigurationIsRefusedFailsWithoutTouchingItsTemplate() {
        startWaveStored();
        mgn.failing("updateLaunchConfiguration", DATABASE, new IllegalArgumentException("ValidationException: launchDisposition"));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(store.server(WAVE_ID, DATABASE).failure().reason())
                .isEqualTo("launch settings could not be applied: ValidationException: launchDisposition");
        assertThat(ec2.versionRequests()).extracting(VersionRequest::launchTemplateId)
                .doesNotContain(launchTemplate(DATABASE));
    }

    @Test
    void mgnThrottlingFailsTheStageForTheStateMachineToRetryAndNotTheServer() {
        startWaveStored();
        mgn.failing("updateLaunchConfiguration", DATABASE, new MgnThrottledException("MGN throttled UpdateLaunchConfiguration", null));

        assertThatThrownBy(() -> prepareLaunch.prepare(new WaveRef(WAVE_ID))).isInstanceOf(MgnThrottledException.class);
        assertThat(store.server(WAVE_ID, DATABASE).isActive()).isTrue();
    }

    @Test
    void underTheContinuePolicyTheOtherServersAreStillPrepared() {
        startWaveStored();
        ec2.failing(launchTemplate(TRANSCODER));

        WaveProgress progress = prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(progress).isEqualTo(new WaveProgress(WAVE_ID, 4, 3, 1, 0, 0, false, null));
        assertThat(store.server(WAVE_ID, PROXY).stage()).isEqualTo(Stage.REPLICATION);
    }

    @Test
    void underTheStopPolicyTheWaveStopsWithTheReason() {
        startWaveStoredWithPolicy("STOP");
        ec2.failing(launchTemplate(TRANSCODER));

        WaveProgress progress = prepareLaunch.prepare(new WaveRef(WAVE_ID));

        String reason = "Server media-transcoder (" + TRANSCODER + ") failed in PREPARE_LAUNCH and the wave stops on "
                + "a server failure: " + FAILING_TEMPLATE_REASON;
        assertThat(store.find(WAVE_ID).orElseThrow().status()).isEqualTo(WaveStatus.STOPPED);
        assertThat(store.find(WAVE_ID).orElseThrow().reason()).isEqualTo(reason);
        assertThat(progress).isEqualTo(new WaveProgress(WAVE_ID, 4, 3, 1, 0, 0, true, reason));
    }

    @Test
    void underTheStopPolicyTheServersAfterTheFailureAreNotTouched() {
        startWaveStoredWithPolicy("STOP");
        ec2.failing(launchTemplate(TRANSCODER));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::sourceServerId)
                .containsExactly(MEDIA_SERVER, TRANSCODER);
        assertThat(store.server(WAVE_ID, DATABASE).stage()).isEqualTo(Stage.PREPARE_LAUNCH);
    }

    @Test
    void serversPreparedInParallelAreEachPreparedExactlyOnce() {
        startWaveStored();
        PrepareLaunchService parallel = new PrepareLaunchService(mgn, ec2, store, clock,
                PrepareLaunchService.SERVERS_IN_PARALLEL);

        WaveProgress progress = parallel.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::sourceServerId)
                .containsExactlyInAnyOrderElementsOf(START_WAVE_SERVERS);
        assertThat(ec2.versionsMade()).isEqualTo(4);
        assertThat(START_WAVE_SERVERS).allSatisfy(id ->
                assertThat(store.server(WAVE_ID, id).stage()).isEqualTo(Stage.REPLICATION));
        assertThat(progress.active()).isEqualTo(4);
    }

    @Test
    void inParallelUnderTheStopPolicyAFailureStopsTheWaveAndNoServerIsPreparedTwice() {
        startWaveStoredWithPolicy("STOP");
        ec2.failing(launchTemplate(TRANSCODER));
        PrepareLaunchService parallel = new PrepareLaunchService(mgn, ec2, store, clock,
                PrepareLaunchService.SERVERS_IN_PARALLEL);

        WaveProgress progress = parallel.prepare(new WaveRef(WAVE_ID));

        assertThat(progress.stopped()).isTrue();
        assertThat(store.find(WAVE_ID).orElseThrow().status()).isEqualTo(WaveStatus.STOPPED);
        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::sourceServerId)
                .doesNotHaveDuplicates().contains(TRANSCODER);
    }

    @Test
    void aRetryAfterACrashMidWayDoesNotPrepareAServerTwice() {
        startWaveStored();
        store.crashAfterServerWrites(START_WAVE_SERVERS.size() + 1);
        assertThatThrownBy(() -> prepareLaunch.prepare(new WaveRef(WAVE_ID))).isInstanceOf(SimulatedCrash.class);

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::sourceServerId)
                .containsExactly(MEDIA_SERVER, TRANSCODER, TRANSCODER, DATABASE, PROXY);
        assertThat(ec2.versionsMade()).isEqualTo(4);
    }

    @Test
    void aRetryOfAServerWhoseVersionWasMadeGetsTheSameVersionBack() {
        startWaveStored();
        store.crashAfterServerWrites(START_WAVE_SERVERS.size() + 1);
        assertThatThrownBy(() -> prepareLaunch.prepare(new WaveRef(WAVE_ID))).isInstanceOf(SimulatedCrash.class);

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(ec2.defaultVersionRequests()).filteredOn(request -> request.launchTemplateId()
                .equals(launchTemplate(TRANSCODER))).extracting(DefaultVersion::version).containsExactly(2L, 2L);
        assertThat(ec2.defaultVersion(launchTemplate(TRANSCODER))).isEqualTo(2);
    }

    @Test
    void aRetryAfterTheWaveStoppedTouchesNothing() {
        startWaveStoredWithPolicy("STOP");
        ec2.failing(launchTemplate(TRANSCODER));
        WaveProgress first = prepareLaunch.prepare(new WaveRef(WAVE_ID));
        int updates = mgn.launchConfigurationUpdates().size();
        int writes = store.serverWrites().size();

        WaveProgress retried = prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(retried).isEqualTo(first);
        assertThat(mgn.launchConfigurationUpdates()).hasSize(updates);
        assertThat(store.serverWrites()).hasSize(writes);
    }

    @Test
    void aServerThatAlreadyFailedIsNotPreparedAgain() {
        startWaveStored();
        store.putServer(store.server(WAVE_ID, PROXY).failed("not ready in time", NOW));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(mgn.launchConfigurationUpdates()).extracting(LaunchConfigurationUpdate::sourceServerId)
                .doesNotContain(PROXY);
        assertThat(store.server(WAVE_ID, PROXY).stage()).isEqualTo(Stage.PREFLIGHT);
    }

    @Test
    void aWaveTheStoreDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> prepareLaunch.prepare(new WaveRef("no-such-wave")))
                .isInstanceOf(UnknownWaveException.class);
    }

    @Test
    void settingsDerivedFromTheSourceGiveWayToTheWavesAndTheServersOwn() {
        ObjectNode wave = WaveFiles.read("wave-by-instance-ids.json");
        ((ObjectNode) wave.get("servers").get(0)).putObject("launch").put("instanceType", "m7i.large");
        storeWave(wave, Map.of("s-0000000000000000a", "i-0a1b2c3d4e5f60718"));
        store.putServer(store.server(WAVE_ID, "s-0000000000000000a").withDerivedLaunch(new LaunchSettings("t2.micro",
                null, "subnet-0aaaaaaaaaaaaaaa1", List.of("sg-0aaaaaaaaaaaaaaa1"), "derived-key", null, null, null, null,
                null)));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(versionRequestOf("s-0000000000000000a").change()).isEqualTo(new LaunchTemplateChange("m7i.large",
                SUBNET, List.of("sg-0123456789abcdef0", "sg-0fedcba9876543210"), "derived-key", null, null));
    }

    @Test
    void derivedSettingsAloneMakeALaunchTemplateVersion() {
        storeWave(WaveFiles.read("minimal-wave.json"), Map.of(MEDIA_SERVER, "i-03a5b49c3810fa449"));
        store.putServer(store.server(WAVE_ID, MEDIA_SERVER).withDerivedLaunch(new LaunchSettings("t2.micro", null,
                "subnet-0aaaaaaaaaaaaaaa1", List.of("sg-0aaaaaaaaaaaaaaa1"), null, null, null, null, null, null)));

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(versionRequestOf(MEDIA_SERVER).change()).isEqualTo(new LaunchTemplateChange("t2.micro",
                "subnet-0aaaaaaaaaaaaaaa1", List.of("sg-0aaaaaaaaaaaaaaa1"), null, null, null));
    }

    @Test
    void eachServerKeepsTheLaunchTemplateVersionMadeItsDefault() {
        startWaveStored();

        prepareLaunch.prepare(new WaveRef(WAVE_ID));

        assertThat(store.server(WAVE_ID, MEDIA_SERVER).launchTemplate()).isEqualTo(new ServerRecord.LaunchTemplate(
                launchTemplate(MEDIA_SERVER), ec2.defaultVersion(launchTemplate(MEDIA_SERVER))));
    }

    private void startWaveStored() {
        storeWave(WaveFiles.read("start-wave.json"), startWaveInstances());
    }

    private void startWaveStoredWithPolicy(String onServerFailure) {
        ObjectNode wave = WaveFiles.read("start-wave.json");
        ((ObjectNode) wave.get("policies")).put("onServerFailure", onServerFailure);
        storeWave(wave, startWaveInstances());
    }

    private static Map<String, String> startWaveInstances() {
        Map<String, String> instances = new LinkedHashMap<>();
        START_WAVE_SERVERS.forEach(id -> instances.put(id, "i-0" + id.substring(3, 19)));
        return instances;
    }

    /** Stores the wave as Preflight leaves it: running, every server joined and given its MGN launch template. */
    private void storeWave(ObjectNode definition, Map<String, String> instanceBySourceServer) {
        store.create(new WaveRecord(WAVE_ID, EXECUTION_ARN, WaveDefinitionParser.parse(definition), WaveStatus.RUNNING,
                null, NOW, null, null));
        List<ServerRecord> servers = instanceBySourceServer.entrySet().stream()
                .map(server -> ServerRecord.joining(WAVE_ID, server.getKey(), label(definition, server.getKey()),
                        server.getValue(), NOW))
                .toList();
        store.putServers(servers);
        instanceBySourceServer.keySet().forEach(id -> mgn.withLaunchTemplate(id, launchTemplate(id)));
    }

    private static String label(ObjectNode definition, String sourceServerId) {
        for (JsonNode server : definition.get("servers")) {
            if (sourceServerId.equals(server.path("sourceServerId").asText()) && server.has("name")) {
                return server.get("name").asText();
            }
        }
        return sourceServerId;
    }

    private VersionRequest versionRequestOf(String sourceServerId) {
        return ec2.versionRequests().stream()
                .filter(request -> request.launchTemplateId().equals(launchTemplate(sourceServerId)))
                .findFirst()
                .orElseThrow();
    }

    private static String launchTemplate(String sourceServerId) {
        return "lt-0" + sourceServerId.substring(2, 18);
    }

    private static Map<String, String> reversed(Map<String, String> tags) {
        Map<String, String> reversed = new LinkedHashMap<>();
        tags.keySet().stream().sorted(Comparator.reverseOrder()).forEach(key -> reversed.put(key, tags.get(key)));
        return reversed;
    }
}
