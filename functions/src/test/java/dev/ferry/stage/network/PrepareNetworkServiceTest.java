package dev.ferry.stage.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.network.MissingKeyPairException;
import dev.ferry.network.RulePeer;
import dev.ferry.network.SecurityGroupRule;
import dev.ferry.notify.Notification;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.NetworkFakes.FakeSourceEc2;
import dev.ferry.stage.fakes.NetworkFakes.FakeTargetNetwork;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.SimulatedCrash;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.WaveDefinitionParser;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_ARN;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static dev.ferry.stage.fakes.NetworkFakes.group;
import static dev.ferry.stage.fakes.NetworkFakes.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrepareNetworkServiceTest {

    private static final String WAVE_ID = "media-stack-by-instance-20260302";
    private static final String MEDIA_SERVER = "s-0000000000000000a";
    private static final String TRANSCODER = "s-0000000000000000b";
    private static final String MEDIA_INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String TRANSCODER_INSTANCE = "i-0b2c3d4e5f6071829";
    private static final String WEB_GROUP = "sg-0000000000000000a";
    private static final String ADMIN_GROUP = "sg-0000000000000000b";
    private static final String KEY_NAME = "media-eu-central-1";
    private static final String TARGET_VPC = "vpc-0a1b2c3d4e5f60718";

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeSourceEc2 source = new FakeSourceEc2()
            .with(instance(MEDIA_INSTANCE, "t2.micro", "us-east-1a", WEB_GROUP))
            .with(instance(TRANSCODER_INSTANCE, "t3.large", "us-east-1b", ADMIN_GROUP))
            .with(group(WEB_GROUP, "web", new SecurityGroupRule("tcp", 80, 80, new RulePeer.Ipv4Range("0.0.0.0/0"), null),
                    new SecurityGroupRule("tcp", 22, 22, new RulePeer.GroupReference(ADMIN_GROUP), null)))
            .with(group(ADMIN_GROUP, "admin", new SecurityGroupRule("tcp", 22, 22,
                    new RulePeer.Ipv4Range("10.0.0.0/8"), null)));
    private final FakeTargetNetwork target = new FakeTargetNetwork();
    private final List<String> regionsAsked = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final PrepareNetworkService service = new PrepareNetworkService(store, region -> {
        regionsAsked.add(region);
        return source;
    }, target, notifications::add, clock);

    @Test
    void aWaveWithoutNetworkSectionIsLeftAsItIs() {
        storeWave(WAVE_ID, WaveFiles.read("wave-by-instance-ids.json"));

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(regionsAsked).isEmpty();
        assertThat(target.createdGroupNames()).isEmpty();
        assertThat(store.serverWrites()).isEmpty();
        assertThat(store.wave(WAVE_ID).network()).isNull();
    }

    @Test
    void theKeyPairIsImportedFromTheWavesPublicKeyWhenTheTargetRegionLacksIt() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(target.importedKeys()).singleElement().asString().startsWith("ssh-ed25519 ");
        assertThat(store.wave(WAVE_ID).network().keyPairImported()).isTrue();
    }

    @Test
    void anExistingKeyPairIsReusedAndNothingIsImported() {
        target.withKeyPair(KEY_NAME);
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(target.importedKeys()).isEmpty();
        assertThat(store.wave(WAVE_ID).network().keyPairImported()).isFalse();
    }

    @Test
    void aMissingKeyPairWithoutPublicKeyFailsTheStage() {
        ObjectNode wave = networkWave();
        ((ObjectNode) wave.get("network").get("keyPair")).remove("publicKey");
        storeWave(WAVE_ID, wave);

        assertThatThrownBy(() -> service.prepare(new WaveRef(WAVE_ID))).isInstanceOf(MissingKeyPairException.class);
    }

    @Test
    void theSourceInstancesAreReadInTheWavesSourceRegion() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(regionsAsked).containsOnly("us-east-1");
    }

    @Test
    void eachSourceGroupGetsACopyInTheTargetVpc() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        NetworkSetup setup = store.wave(WAVE_ID).network();
        assertThat(setup.securityGroupCopies()).containsOnlyKeys(WEB_GROUP, ADMIN_GROUP);
        assertThat(setup.groupsCreated()).containsExactly(WEB_GROUP, ADMIN_GROUP);
        assertThat(target.createdGroupNames()).containsExactlyInAnyOrder("ferry-" + WEB_GROUP + "-web",
                "ferry-" + ADMIN_GROUP + "-admin");
    }

    @Test
    void aServerLeftToDerivationGetsItsSourcesTypeItsZonesSubnetAndTheCopiesOfItsGroups() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        String webCopy = store.wave(WAVE_ID).network().securityGroupCopies().get(WEB_GROUP);
        assertThat(store.server(WAVE_ID, MEDIA_SERVER).derivedLaunch()).isEqualTo(new LaunchSettings("t2.micro", null,
                "subnet-0f1e2d3c4b5a69788", List.of(webCopy), KEY_NAME, null, null, null, null, null));
    }

    @Test
    void whatTheServerSetsItselfIsNotDerived() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        LaunchSettings derived = store.server(WAVE_ID, TRANSCODER).derivedLaunch();
        assertThat(derived.instanceType()).isNull();
        assertThat(derived.subnetId()).isEqualTo("subnet-0e1d2c3b4a5968778");
    }

    @Test
    void withoutRecreatedGroupsNoGroupsAreDerived() {
        ObjectNode wave = networkWave();
        ((ObjectNode) wave.get("network")).put("recreateSecurityGroups", false);
        storeWave(WAVE_ID, wave);

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(target.createdGroupNames()).isEmpty();
        assertThat(store.server(WAVE_ID, MEDIA_SERVER).derivedLaunch().securityGroupIds()).isNull();
        assertThat(store.server(WAVE_ID, MEDIA_SERVER).derivedLaunch().instanceType()).isEqualTo("t2.micro");
    }

    @Test
    void aServerWhoseZoneHasNoSubnetFailsInPrepareLaunchAndTheOthersGoOn() {
        ObjectNode wave = networkWave();
        ((ObjectNode) wave.get("network").get("subnetByAvailabilityZone")).remove("us-east-1b");
        storeWave(WAVE_ID, wave);

        WaveProgress progress = service.prepare(new WaveRef(WAVE_ID));

        ServerRecord transcoder = store.server(WAVE_ID, TRANSCODER);
        assertThat(transcoder.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(transcoder.failure().stage()).isEqualTo(Stage.PREPARE_LAUNCH);
        assertThat(transcoder.failure().reason()).contains("us-east-1b");
        assertThat(progress.active()).isEqualTo(1);
        assertThat(progress.stopped()).isFalse();
    }

    @Test
    void underTheStopPolicyAServerThatCannotBeDerivedStopsTheWave() {
        ObjectNode wave = networkWave();
        ((ObjectNode) wave.get("network").get("subnetByAvailabilityZone")).remove("us-east-1b");
        wave.putObject("policies").put("onServerFailure", "STOP");
        storeWave(WAVE_ID, wave);

        WaveProgress progress = service.prepare(new WaveRef(WAVE_ID));

        assertThat(progress.stopped()).isTrue();
        assertThat(store.wave(WAVE_ID).status()).isEqualTo(WaveStatus.STOPPED);
    }

    @Test
    void aSourceInstanceThatIsGoneFailsItsServer() {
        storeWave(WAVE_ID, networkWave());
        store.putServer(ServerRecord.joining(WAVE_ID, "s-0000000000000000c", "vanished", "i-0ccccccccccccccc1", NOW));

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(store.server(WAVE_ID, "s-0000000000000000c").failure().reason())
                .contains("i-0ccccccccccccccc1 is not found in us-east-1");
    }

    @Test
    void aRerunAfterACrashFinishesWithoutMakingAnythingTwice() {
        storeWave(WAVE_ID, networkWave());
        store.crashAfterServerWrites(0);
        assertThatThrownBy(() -> service.prepare(new WaveRef(WAVE_ID))).isInstanceOf(SimulatedCrash.class);

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(target.createdGroupNames()).hasSize(2);
        assertThat(target.importedKeys()).hasSize(1);
        assertThat(store.wave(WAVE_ID).network().groupsCreated()).containsExactly(WEB_GROUP, ADMIN_GROUP);
        assertThat(store.server(WAVE_ID, MEDIA_SERVER).derivedLaunch()).isNotNull();
    }

    @Test
    void aPreparedWaveIsLeftAsItIsWhenTheStageRunsAgain() {
        storeWave(WAVE_ID, networkWave());
        service.prepare(new WaveRef(WAVE_ID));
        int writes = store.serverWrites().size();

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(store.serverWrites()).hasSize(writes);
        assertThat(store.waveUpdates()).hasSize(1);
    }

    @Test
    void aCopyChangedByHandIsReusedAsItIsAndTheDifferenceIsTold() {
        storeWave(WAVE_ID, networkWave());
        service.prepare(new WaveRef(WAVE_ID));
        String webCopy = store.wave(WAVE_ID).network().securityGroupCopies().get(WEB_GROUP);
        SecurityGroupRule byHand = new SecurityGroupRule("tcp", 8080, 8080, new RulePeer.Ipv4Range("0.0.0.0/0"), null);
        target.addIngressByHand(webCopy, byHand);
        storeWave("second-wave", networkWave());

        service.prepare(new WaveRef("second-wave"));

        assertThat(target.createdGroupNames()).hasSize(2);
        assertThat(store.wave("second-wave").network().groupsCreated()).isEmpty();
        assertThat(target.describeGroup(webCopy).orElseThrow().ingress()).contains(byHand);
        assertThat(notifications).singleElement().satisfies(message -> {
            assertThat(message.subject()).contains("security group differences");
            assertThat(message.body()).contains(webCopy + " (copy of " + WEB_GROUP + ") has ingress tcp 8080 from 0.0.0.0/0");
        });
    }

    @Test
    void copiesThatMatchTheirSourcesAreToldNothing() {
        storeWave(WAVE_ID, networkWave());

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(notifications).isEmpty();
    }

    private static ObjectNode networkWave() {
        return WaveFiles.read("wave-with-network-and-dns.json");
    }

    /** The wave as Preflight leaves it: running, both servers joined with their source instances. */
    private void storeWave(String waveId, ObjectNode definition) {
        store.create(new WaveRecord(waveId, EXECUTION_ARN, WaveDefinitionParser.parse(definition), WaveStatus.RUNNING,
                null, NOW, null, null));
        store.with(store.wave(waveId), List.of(
                ServerRecord.joining(waveId, MEDIA_SERVER, "media-server", MEDIA_INSTANCE, NOW),
                ServerRecord.joining(waveId, TRANSCODER, "media-transcoder", TRANSCODER_INSTANCE, NOW)));
    }
}
