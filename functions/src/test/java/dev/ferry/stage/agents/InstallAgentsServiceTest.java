package dev.ferry.stage.agents;

import dev.ferry.agent.AgentInstallRecord.State;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.agent.CommandStatus;
import dev.ferry.agent.ManagedPolicies;
import dev.ferry.agent.testing.FakeInstanceProfiles;
import dev.ferry.agent.testing.FakeSsmCommands;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.network.Platform;
import dev.ferry.network.SourceInstance;
import dev.ferry.notify.Notification;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.NetworkFakes.FakeSourceEc2;
import dev.ferry.stage.fakes.PreflightFixtures;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryAgentInstallStore;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.testing.SimulatedCrash;
import dev.ferry.wave.AgentInstallationSettings;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.Policies;
import dev.ferry.wave.ReplicationSettings;
import dev.ferry.wave.ServerSpec;
import dev.ferry.wave.TimeLimits;
import dev.ferry.wave.ValidationSettings;
import dev.ferry.wave.WaveDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallAgentsServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String WAVE_ID = "agents-wave-1";
    private static final String WEB = "i-0a1b2c3d4e5f60718";
    private static final String API = "i-0b2c3d4e5f6071829";
    private static final String ROLE = "web-role";
    private static final String PROFILE = "arn:aws:iam::111122223333:instance-profile/web-profile";
    private static final String STACK_PROFILE = "arn:aws:iam::111122223333:instance-profile/ferry-agent";
    private static final String MGN_POLICY = ManagedPolicies.arn("aws", ManagedPolicies.MGN_EC2_INSTANCE);
    private static final String SSM_POLICY = ManagedPolicies.arn("aws", ManagedPolicies.SSM_MANAGED_INSTANCE_CORE);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final InMemoryAgentInstallStore installs = new InMemoryAgentInstallStore();
    private final FakeMgn mgn = new FakeMgn();
    private final FakeSourceEc2 ec2 = new FakeSourceEc2();
    private final FakeSsmCommands ssm = new FakeSsmCommands();
    private final FakeInstanceProfiles iam = new FakeInstanceProfiles();
    private final List<Notification> sent = new ArrayList<>();
    private final List<String> regionsAsked = new ArrayList<>();
    private final InstallAgentsService service = new InstallAgentsService(waves, installs, mgn,
            region -> {
                regionsAsked.add(region);
                return ec2;
            }, region -> ssm, region -> iam, sent::add, clock, Optional.of(STACK_PROFILE));

    @Test
    void aReadyInstanceGetsTheInstallerForTheTargetRegionThroughRunCommandWithoutCredentials() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);

        service.install(new WaveRef(WAVE_ID));

        FakeSsmCommands.Sent command = ssm.lastSentTo(WEB);
        assertThat(command.script().document().documentName()).isEqualTo("AWS-RunShellScript");
        assertThat(String.join("\n", command.script().commands()))
                .contains("--region eu-central-1 --no-prompt")
                .doesNotContain("--aws-access-key-id", "--aws-secret-access-key", "--aws-session-token");
        assertThat(command.executionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(command.comment()).isEqualTo("ferry agent install " + WEB + " wave " + WAVE_ID);
        assertThat(regionsAsked).containsOnly("us-east-1");
    }

    @Test
    void aWindowsInstanceGetsThePowerShellInstaller() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.WINDOWS);

        service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.lastSentTo(WEB).script().document().documentName()).isEqualTo("AWS-RunPowerShellScript");
    }

    @Test
    void theInstallerIsSentOnceHoweverOftenTheStageRuns() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);

        service.install(new WaveRef(WAVE_ID));
        clock.advance(Duration.ofMinutes(1));
        InstallAgentsResult again = service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.sent()).hasSize(1);
        assertThat(stored(WEB).state()).isEqualTo(State.RUNNING);
        assertThat(stored(WEB).commandId()).isEqualTo("cmd-0001");
        assertThat(again.done()).isFalse();
        assertThat(again.pending()).isEqualTo(1);
    }

    @Test
    void aCrashRightAfterSendingIsFollowedByAdoptingTheSentCommandInsteadOfSendingAgain() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        ssm.crashAfterNextSend();
        assertThatThrownBy(() -> service.install(new WaveRef(WAVE_ID))).isInstanceOf(SimulatedCrash.class);
        assertThat(stored(WEB).state()).isEqualTo(State.SENDING);

        service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.sent()).hasSize(1);
        assertThat(stored(WEB).state()).isEqualTo(State.RUNNING);
        assertThat(stored(WEB).commandId()).isEqualTo("cmd-0001");
    }

    @Test
    void aCrashBeforeTheCommentIsStoredSendsNothingAndTheNextCallSendsOnce() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        installs.crashAfterWrites(0);
        assertThatThrownBy(() -> service.install(new WaveRef(WAVE_ID))).isInstanceOf(SimulatedCrash.class);
        assertThat(ssm.sent()).isEmpty();

        service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.sent()).hasSize(1);
        assertThat(stored(WEB).commandId()).isEqualTo("cmd-0001");
    }

    @Test
    void aRoleWithoutTheMgnPolicyGetsItAttachedWhenTheWaveAllowsAndTheInstallerFollowsOnALaterCall() {
        wave(OnServerFailure.CONTINUE, settings(true, false), WEB);
        ec2.with(instance(WEB, PROFILE, Platform.LINUX));
        iam.withProfile(PROFILE, ROLE, SSM_POLICY);
        ssm.online(WEB);

        service.install(new WaveRef(WAVE_ID));

        assertThat(iam.attached()).containsExactly(ROLE + " <- " + MGN_POLICY);
        assertThat(ssm.sent()).isEmpty();
        assertThat(stored(WEB).fixesApplied()).containsExactly("attached " + MGN_POLICY + " to role " + ROLE);

        clock.advance(Duration.ofMinutes(1));
        service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.sent()).hasSize(1);
        assertThat(iam.attached()).hasSize(1);
    }

    @Test
    void anInstanceWithoutProfileGetsTheStacksProfileWhenTheWaveAllows() {
        wave(OnServerFailure.CONTINUE, settings(false, true), WEB);
        ec2.with(instance(WEB, null, Platform.LINUX));

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));

        assertThat(iam.associated()).containsExactly(WEB + " <- " + STACK_PROFILE);
        assertThat(stored(WEB).state()).isEqualTo(State.CHECKING);
        assertThat(result.done()).isFalse();
    }

    @Test
    void aBlockedInstanceFailsAtOnceWithReasonsNamingIt() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        ec2.with(instance(WEB, null, Platform.LINUX));

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.FAILED);
        assertThat(stored(WEB).failure())
                .isEqualTo(WEB + " has no instance profile; " + WEB + " is not managed by SSM");
        assertThat(iam.associated()).isEmpty();
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.done()).isTrue();
    }

    @Test
    void anInstanceStillNotReadyLongAfterItsFixesFailsWithWhatWasDoneAndWhy() {
        wave(OnServerFailure.CONTINUE, settings(false, true), WEB);
        ec2.with(instance(WEB, null, Platform.LINUX));
        service.install(new WaveRef(WAVE_ID));
        clock.advance(Duration.ofMinutes(19));
        service.install(new WaveRef(WAVE_ID));
        assertThat(stored(WEB).state()).isEqualTo(State.CHECKING);

        clock.advance(Duration.ofMinutes(1));
        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.FAILED);
        assertThat(stored(WEB).failure()).isEqualTo("still not ready 20 minutes after Ferry gave it instance profile "
                + STACK_PROFILE + ": " + WEB + " has no instance profile; " + WEB + " is not managed by SSM");
    }

    @Test
    void anInstanceThatGotAnotherProfileMeanwhileFailsWithTheConflict() {
        wave(OnServerFailure.CONTINUE, settings(false, true), WEB);
        ec2.with(instance(WEB, null, Platform.LINUX));
        iam.withOtherProfileOn(WEB, PROFILE);

        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.FAILED);
        assertThat(stored(WEB).failure()).contains("already has instance profile " + PROFILE);
    }

    @Test
    void anInstanceEc2DoesNotKnowFailsNamingTheSourceRegion() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);

        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).failure()).isEqualTo("instance " + WEB + " is not found in us-east-1");
    }

    @Test
    void aFailedInstallerFailsTheInstallationWithItsStatusExitCodeAndOutput() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        service.install(new WaveRef(WAVE_ID));
        ssm.finish("cmd-0001", CommandStatus.FAILED, 1, "Downloading", "curl: (6) Could not resolve host");

        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.FAILED);
        assertThat(stored(WEB).failure()).isEqualTo("the installer on " + WEB + " ended FAILED with exit code 1 "
                + "(command cmd-0001): curl: (6) Could not resolve host");
    }

    @Test
    void anInstallerStillRunningPastItsTimeoutAndMarginFails() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        service.install(new WaveRef(WAVE_ID));
        clock.advance(Duration.ofMinutes(39));
        service.install(new WaveRef(WAVE_ID));
        assertThat(stored(WEB).state()).isEqualTo(State.RUNNING);

        clock.advance(Duration.ofMinutes(1));
        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).failure()).isEqualTo("the installer command cmd-0001 on " + WEB
                + " did not finish within 40 minutes (status IN_PROGRESS)");
    }

    @Test
    void aRegisteredServerJoinsTheWaveOnceUnderTheWavesName() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        service.install(new WaveRef(WAVE_ID));
        ssm.finish("cmd-0001", CommandStatus.SUCCESS, 0, "Installation finished", "");
        mgn.with(PreflightFixtures.sourceServer("s-0000000000000000a", WEB, LifecycleState.NOT_READY));

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));
        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.REGISTERED);
        assertThat(stored(WEB).sourceServerId()).isEqualTo("s-0000000000000000a");
        assertThat(waves.serverWrites()).singleElement().satisfies(server -> {
            assertThat(server.sourceServerId()).isEqualTo("s-0000000000000000a");
            assertThat(server.label()).isEqualTo("web");
            assertThat(server.sourceInstanceId()).isEqualTo(WEB);
            assertThat(server.isActive()).isTrue();
            assertThat(server.stage()).isEqualTo(Stage.PREFLIGHT);
        });
        assertThat(result.done()).isTrue();
        assertThat(result.registered()).isEqualTo(1);
        assertThat(result.progress().active()).isEqualTo(1);
    }

    @Test
    void anAgentThatNeverRegistersFailsOnceTheRegistrationTimeHasPassed() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        service.install(new WaveRef(WAVE_ID));
        ssm.finish("cmd-0001", CommandStatus.SUCCESS, 0, "", "");
        service.install(new WaveRef(WAVE_ID));
        clock.advance(Duration.ofMinutes(29));
        service.install(new WaveRef(WAVE_ID));
        assertThat(stored(WEB).state()).isEqualTo(State.REGISTERING);

        clock.advance(Duration.ofMinutes(1));
        service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).failure()).isEqualTo("the agent never registered with MGN in eu-central-1 within "
                + "30 minutes after the installer on " + WEB + " succeeded");
    }

    @Test
    void underContinueTheRegisteredServersGoOnAndOneMessageTellsTheFailures() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB, API);
        readyInstance(WEB, Platform.LINUX);
        ec2.with(instance(API, null, Platform.LINUX));
        service.install(new WaveRef(WAVE_ID));
        ssm.finish("cmd-0001", CommandStatus.SUCCESS, 0, "", "");
        mgn.with(PreflightFixtures.sourceServer("s-0000000000000000a", WEB, LifecycleState.NOT_READY));

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));
        service.install(new WaveRef(WAVE_ID));

        assertThat(result.done()).isTrue();
        assertThat(result.progress().stopped()).isFalse();
        assertThat(result.progress().active()).isEqualTo(1);
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.RUNNING);
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Ferry wave agents: the replication agent could not be "
                    + "installed on 1 server");
            assertThat(message.body()).contains("api", API, API + " has no instance profile")
                    .contains("The wave goes on with the 1 server still active.");
        });
    }

    @Test
    void underStopAFailureLeavesOutWhatIsNotSentAndStopsTheWaveOnceEveryInstallationHasFinished() {
        wave(OnServerFailure.STOP, settings(false, false), WEB, API);
        ec2.with(instance(API, null, Platform.LINUX));
        readyInstance(WEB, Platform.LINUX);

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));

        assertThat(stored(API).state()).isEqualTo(State.FAILED);
        assertThat(stored(WEB).state()).isEqualTo(State.LEFT_OUT);
        assertThat(stored(WEB).failure()).isEqualTo("not installed: the wave stops because the agent installation "
                + "on api (" + API + ") failed");
        assertThat(ssm.sent()).isEmpty();
        assertThat(result.done()).isTrue();
        assertThat(result.progress().stopped()).isTrue();
        assertThat(waves.wave(WAVE_ID).reason()).startsWith("The agent installation on api (" + API + ") failed");
    }

    @Test
    void underStopAnInstallerAlreadySentIsFollowedToItsEndBeforeTheWaveStops() {
        wave(OnServerFailure.STOP, settings(false, false), WEB);
        readyInstance(WEB, Platform.LINUX);
        service.install(new WaveRef(WAVE_ID));
        installs.with(AgentInstallRecord.pending(WAVE_ID, API, "api", NOW).failed("blocked", NOW));

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));

        assertThat(stored(WEB).state()).isEqualTo(State.RUNNING);
        assertThat(result.done()).isFalse();
        assertThat(waves.wave(WAVE_ID).status()).isEqualTo(WaveStatus.RUNNING);
    }

    @Test
    void aStoppedWaveInstallsNothingMoreAndIsDone() {
        wave(OnServerFailure.CONTINUE, settings(false, false), WEB);
        waves.update(waves.wave(WAVE_ID).withStatus(WaveStatus.STOPPED, "stopped by hand"));
        readyInstance(WEB, Platform.LINUX);

        InstallAgentsResult result = service.install(new WaveRef(WAVE_ID));

        assertThat(ssm.sent()).isEmpty();
        assertThat(result.done()).isTrue();
        assertThat(result.pending()).isEqualTo(1);
    }

    private void wave(OnServerFailure onFailure, AgentInstallationSettings settings, String... instanceIds) {
        List<ServerSpec> specs = new ArrayList<>();
        for (String instanceId : instanceIds) {
            String name = instanceId.equals(WEB) ? "web" : "api";
            specs.add(new ServerSpec(null, instanceId, name, null));
            installs.with(AgentInstallRecord.pending(WAVE_ID, instanceId, name, NOW));
        }
        WaveDefinition definition = new WaveDefinition("agents", "eu-central-1", "us-east-1", specs,
                new ReplicationSettings("subnet-0abc", null, null, null, null, null, null), LaunchSettings.none(),
                new ValidationSettings(false, List.of(), List.of(), 30), List.of("ops@example.com"),
                new TimeLimits(Duration.ofHours(48), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1),
                        Duration.ofHours(2)),
                new Policies(onFailure, false, true, false), null, null, settings);
        waves.with(new WaveRecord(WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:ferry:" + WAVE_ID,
                definition, WaveStatus.RUNNING, null, NOW, null, null), List.<ServerRecord>of());
    }

    private static AgentInstallationSettings settings(boolean attach, boolean stackProfile) {
        return new AgentInstallationSettings(attach, stackProfile, Duration.ofMinutes(30), Duration.ofMinutes(30));
    }

    private void readyInstance(String instanceId, Platform platform) {
        ec2.with(instance(instanceId, PROFILE, platform));
        iam.withProfile(PROFILE, ROLE, MGN_POLICY, SSM_POLICY);
        ssm.online(instanceId);
    }

    private static SourceInstance instance(String instanceId, String profileArn, Platform platform) {
        return new SourceInstance(instanceId, "t3.micro", "subnet-0aaaaaaaaaaaaaaa1", "us-east-1a",
                "vpc-0source00000000001", List.of(), profileArn, platform, null, Map.of());
    }

    private AgentInstallRecord stored(String instanceId) {
        return installs.install(WAVE_ID, instanceId);
    }
}
