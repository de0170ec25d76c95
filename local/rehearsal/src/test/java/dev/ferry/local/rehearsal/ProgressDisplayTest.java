package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.agent.AgentInstallRecord;
import dev.ferry.handler.DnsSwitchHandler;
import dev.ferry.handler.EventRouterHandler;
import dev.ferry.handler.InstallAgentsHandler;
import dev.ferry.handler.PreflightHandler;
import dev.ferry.handler.PrepareDnsHandler;
import dev.ferry.handler.PrepareNetworkHandler;
import dev.ferry.handler.ReconcilerHandler;
import dev.ferry.handler.ValidateHandler;
import dev.ferry.local.engine.time.VirtualClock;
import dev.ferry.network.Platform;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.Phase;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.testing.InMemoryAgentInstallStore;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.ProjectFolder;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines the rehearsal's display prints, read from in-memory stores after each function. */
class ProgressDisplayTest {

    private static final String WAVE_ID = "media-stack-demo";
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofMinutes(3));
    private static final List<String> INSTANCES = List.of("i-0a1b2c3d4e5f60718", "i-0b2c3d4e5f6071829",
            "i-0c3d4e5f60718293a", "i-0d4e5f60718293a4b", "i-0e5f60718293a4b5c", "i-0f60718293a4b5c6d");
    private static final List<String> NAMES = List.of("media-server", "media-transcoder", "media-db", "media-proxy",
            "media-worker-1", "media-worker-2");
    private static final String PREFLIGHT = PreflightHandler.class.getName();
    private static final String INSTALL_AGENTS = InstallAgentsHandler.class.getName();
    private static final String PREPARE_NETWORK = PrepareNetworkHandler.class.getName();
    private static final String PREPARE_DNS = PrepareDnsHandler.class.getName();
    private static final String DNS_SWITCH = DnsSwitchHandler.class.getName();
    private static final String VALIDATE = ValidateHandler.class.getName();
    private static final String EVENT_ROUTER = EventRouterHandler.class.getName();
    private static final String RECONCILER = ReconcilerHandler.class.getName();

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final InMemoryWaveStore waves = new InMemoryWaveStore();
    private final InMemoryAgentInstallStore agents = new InMemoryAgentInstallStore();

    @Test
    void installationsInTheSameStateShareOneLineThatNamesAllTheServers() throws IOException {
        ProgressDisplay display = display(demoWave());
        INSTANCES.forEach(instance -> agents.with(checking(instance)));

        display.refresh(PREFLIGHT);

        assertThat(lines()).containsExactly("+00:03  all 6 servers                 AGENT_INSTALL       checking");
    }

    @Test
    void installationsThatMoveOnTogetherAreNamedByTheFirstAndCounted() throws IOException {
        ProgressDisplay display = display(demoWave());
        INSTANCES.forEach(instance -> agents.with(checking(instance)));
        display.refresh(PREFLIGHT);
        INSTANCES.subList(0, 3).forEach(instance -> agents.with(running(instance)));

        display.refresh(INSTALL_AGENTS);

        assertThat(lines()).last().isEqualTo("+00:03  media-server +2 more          AGENT_INSTALL       command sent");
    }

    @Test
    void anInstallationThatChangedNothingIsNotShownAgain() throws IOException {
        ProgressDisplay display = display(demoWave());
        INSTANCES.forEach(instance -> agents.with(running(instance)));
        display.refresh(INSTALL_AGENTS);

        display.refresh(INSTALL_AGENTS);

        assertThat(lines()).hasSize(1);
    }

    @Test
    void aRegisteredInstallationNamesTheSourceServerItBecame() throws IOException {
        ProgressDisplay display = display(demoWave());
        agents.with(running(INSTANCES.getFirst()).registering(NOW).registered("s-13a5b49c3810fa449", NOW));

        display.refresh(INSTALL_AGENTS);

        assertThat(lines()).containsExactly(
                "+00:03  media-server                  AGENT_INSTALL       registered as s-13a5b49c3810fa449");
    }

    @Test
    void aFailedInstallationShowsWhy() throws IOException {
        ProgressDisplay display = display(demoWave());
        agents.with(running(INSTANCES.get(2)).failed("the installer exited with code 3", NOW));

        display.refresh(INSTALL_AGENTS);

        assertThat(lines()).containsExactly(
                "+00:03  media-db                      AGENT_INSTALL       FAILED: the installer exited with code 3");
    }

    @Test
    void aCheckAfterFixesSaysHowManyFixesWereApplied() throws IOException {
        ProgressDisplay display = display(demoWave());
        agents.with(checking(INSTANCES.getFirst()).withFixes(List.of("attached a policy to role media-source"), NOW));

        display.refresh(INSTALL_AGENTS);

        assertThat(lines()).containsExactly(
                "+00:03  media-server                  AGENT_INSTALL       checking again after 1 fix");
    }

    @Test
    void installationsAreReadOnlyAfterTheStagesThatWriteThem() throws IOException {
        ProgressDisplay display = display(demoWave());
        INSTANCES.forEach(instance -> agents.with(checking(instance)));

        display.refresh(VALIDATE);

        assertThat(agents.reads()).isZero();
        assertThat(lines()).isEmpty();
    }

    @Test
    void installationsAreNotReadAgainOnceEveryOneHasFinished() throws IOException {
        ProgressDisplay display = display(demoWave());
        agents.with(running(INSTANCES.getFirst()).registering(NOW).registered("s-13a5b49c3810fa449", NOW));
        agents.with(running(INSTANCES.get(1)).failed("the agent never registered with MGN in eu-central-1", NOW));
        display.refresh(INSTALL_AGENTS);

        display.refresh(INSTALL_AGENTS);

        assertThat(agents.reads()).isEqualTo(1);
    }

    @Test
    void aWaveWithoutAgentInstallationNeverReadsInstallations() throws IOException {
        ProgressDisplay display = display(demoWaveWithout("agentInstallation"));

        display.refresh(PREFLIGHT);

        assertThat(agents.reads()).isZero();
    }

    @Test
    void theNetworkIsShownOnceItIsSetUp() throws IOException {
        WaveDefinition definition = demoWave();
        ProgressDisplay display = display(definition);
        waves.create(wave(definition).withNetwork(new NetworkSetup("media-eu-central-1", true,
                Map.of("sg-0aaa", "sg-0bbb", "sg-0ccc", "sg-0ddd", "sg-0eee", "sg-0fff"),
                List.of("sg-0aaa", "sg-0ccc"), List.of(), List.of())));

        display.refresh(PREPARE_NETWORK);
        display.refresh(PREPARE_NETWORK);

        assertThat(lines()).containsExactly(
                "+00:03  network: key pair media-eu-central-1 imported, 2 security groups created, 1 reused");
        assertThat(waves.waveReads()).isEqualTo(1);
    }

    @Test
    void eachDnsStepIsShownOnceAsItHappens() throws IOException {
        WaveDefinition definition = demoWave();
        ProgressDisplay display = display(definition);
        DnsSwitchProgress lowered = DnsSwitchProgress.remembering(List.of()).withTtlLowered(NOW, 60);
        waves.create(wave(definition).withDns(lowered));
        display.refresh(PREPARE_DNS);

        waves.update(wave(definition).withDns(lowered.withStepApplied(0, 25, NOW, null)));
        display.refresh(DNS_SWITCH);

        assertThat(lines()).containsExactly(
                "+00:03  DNS: TTL lowered to 60 s",
                "+00:03  DNS: target 25% / source 75%");
    }

    @Test
    void aRollbackIsShownAndTheWaveIsNotReadAfterIt() throws IOException {
        WaveDefinition definition = demoWave();
        ProgressDisplay display = display(definition);
        waves.create(wave(definition).withDns(DnsSwitchProgress.remembering(List.of()).withTtlLowered(NOW, 60)
                .withStepApplied(0, 25, NOW, null)
                .rollingBack("http GET http://127.0.20.10:8080/: status 503")
                .rolledBack(NOW)));
        display.refresh(DNS_SWITCH);

        display.refresh(DNS_SWITCH);

        assertThat(lines()).last().isEqualTo("+00:03  DNS: rolled back to source 100% / target 0%, TTL restored: "
                + "http GET http://127.0.20.10:8080/: status 503");
        assertThat(waves.waveReads()).isEqualTo(1);
    }

    @Test
    void theWaveIsReadOnlyAfterTheStagesThatWriteItsNetworkOrDns() throws IOException {
        WaveDefinition definition = demoWave();
        ProgressDisplay display = display(definition);
        waves.create(wave(definition));

        display.refresh(VALIDATE);
        display.refresh(INSTALL_AGENTS);

        assertThat(waves.waveReads()).isZero();
    }

    @Test
    void aWaveWithoutNetworkOrDnsIsNeverRead() throws IOException {
        WaveDefinition definition = demoWaveWithout("network", "dns");
        ProgressDisplay display = display(definition);
        waves.create(wave(definition));

        display.refresh(PREPARE_NETWORK);
        display.refresh(DNS_SWITCH);

        assertThat(waves.waveReads()).isZero();
    }

    @Test
    void serversAreShownByStageAfterAnyFunction() throws IOException {
        ProgressDisplay display = display(demoWave());
        for (int index = 0; index < INSTANCES.size(); index++) {
            waves.putServer(ServerRecord.joining(WAVE_ID, "s-00000000000000" + index, NAMES.get(index),
                    INSTANCES.get(index), NOW));
        }

        display.refresh(VALIDATE);

        assertThat(lines()).containsExactly("+00:03  all 6 servers                 PREFLIGHT");
    }

    @Test
    void serversWaitingForMgnsRoomAreShownQueuedBehindTheServersWhoseLaunchIsRunning() throws IOException {
        ProgressDisplay display = display(demoWave());
        for (int index = 0; index < INSTANCES.size(); index++) {
            ServerRecord server = ServerRecord.joining(WAVE_ID, "s-00000000000000" + index, NAMES.get(index),
                    INSTANCES.get(index), START).enteringStage(Stage.TEST_LAUNCH, NOW);
            waves.putServer(index < 2
                    ? server.withLaunch(Phase.TEST, new ServerRecord.Launch("mgnjob-1", "IN_PROGRESS", null, NOW))
                    : server);
        }

        display.refresh(VALIDATE);

        assertThat(lines()).containsExactly(
                "+00:03  media-server +1 more          TEST_LAUNCH",
                "+00:03  media-db +3 more              TEST_LAUNCH         queued behind 2 servers in active jobs");
    }

    @Test
    void afterTheFunctionsThatRunPerEventTheServersAreReadAtMostOnceASimulatedMinute() throws IOException {
        VirtualClock clock = new VirtualClock(NOW);
        ProgressDisplay display = new ProgressDisplay(new PrintStream(shown, true, StandardCharsets.UTF_8), clock,
                START, waves, agents, WAVE_ID, demoWave());
        ServerRecord server = ServerRecord.joining(WAVE_ID, "s-000000000000000", NAMES.get(0), INSTANCES.get(0), START)
                .enteringStage(Stage.TEST_LAUNCH, NOW);
        waves.putServer(server);

        display.refresh(EVENT_ROUTER);
        waves.putServer(server.enteringStage(Stage.TEST_VALIDATION, NOW));
        display.refresh(EVENT_ROUTER);
        display.refresh(RECONCILER);
        int readsWithinTheMinute = waves.serverListReads();
        clock.advanceBy(Duration.ofMinutes(1));
        display.refresh(EVENT_ROUTER);

        assertThat(readsWithinTheMinute).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "+00:03  media-server                  TEST_LAUNCH",
                "+00:04  media-server                  TEST_VALIDATION");
    }

    @Test
    void afterAStagesFunctionTheServersAreAlwaysRead() throws IOException {
        ProgressDisplay display = display(demoWave());

        display.refresh(EVENT_ROUTER);
        display.refresh(VALIDATE);
        display.refresh(VALIDATE);

        assertThat(waves.serverListReads()).isEqualTo(3);
    }

    private ProgressDisplay display(WaveDefinition definition) {
        return new ProgressDisplay(new PrintStream(shown, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), START, waves, agents, WAVE_ID, definition);
    }

    private List<String> lines() {
        String text = shown.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : text.lines().toList();
    }

    private static AgentInstallRecord checking(String instanceId) {
        return AgentInstallRecord.pending(WAVE_ID, instanceId, NAMES.get(INSTANCES.indexOf(instanceId)), START);
    }

    private static AgentInstallRecord running(String instanceId) {
        return checking(instanceId).sending(Platform.LINUX, "ferry agent install " + instanceId, NOW)
                .running("c0ffee00-" + instanceId, NOW);
    }

    private static WaveRecord wave(WaveDefinition definition) {
        return new WaveRecord(WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:ferry-wave:" + WAVE_ID,
                definition, WaveRecord.WaveStatus.RUNNING, null, START, null, null);
    }

    private static WaveDefinition demoWave() throws IOException {
        return demoWaveWithout();
    }

    private static WaveDefinition demoWaveWithout(String... sections) throws IOException {
        ObjectNode wave = (ObjectNode) new ObjectMapper().readTree(ProjectFolder.event("demo-wave.json").toFile());
        wave.remove(List.of(sections));
        return WaveDefinitionParser.parse(wave);
    }
}
