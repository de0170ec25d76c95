package dev.ferry.stage.preflight;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.agent.AgentInstallStore;
import dev.ferry.quota.ReplicationQuota;
import dev.ferry.server.ServerClaim;
import dev.ferry.stage.ServerClaiming;
import dev.ferry.testing.FakeMgn;
import dev.ferry.testing.InMemoryServerClaims;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.ferry.stage.fakes.PreflightFixtures.DATABASE;
import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_ARN;
import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_NAME;
import static dev.ferry.stage.fakes.PreflightFixtures.MEDIA_SERVER;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static dev.ferry.stage.fakes.PreflightFixtures.START_WAVE_SERVERS;
import static dev.ferry.stage.fakes.PreflightFixtures.ready;
import static dev.ferry.stage.fakes.PreflightFixtures.request;
import static dev.ferry.stage.fakes.PreflightFixtures.startWaveServersReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Preflight keeps each server in one running wave: a second wave naming it is refused. */
class PreflightServerClaimsTest {

    private static final String SECOND_NAME = "media-stack-wave-2-20260302";
    private static final String SECOND_ARN = EXECUTION_ARN.replace(EXECUTION_NAME, SECOND_NAME);
    private static final String OTHER_SERVER = "s-0123456789abcdef0";

    private final InMemoryWaveStore store = new InMemoryWaveStore();
    private final InMemoryServerClaims claims = new InMemoryServerClaims();
    private final Set<String> running = new HashSet<>(Set.of(EXECUTION_ARN, SECOND_ARN));
    private final FakeMgn mgn = new FakeMgn().with(startWaveServersReady()).with(List.of(ready(OTHER_SERVER)));
    private final PreflightService preflight = new PreflightService(mgn, store, AgentInstallStore.none(),
            new ServerClaiming(claims, running::contains), new MutableClock(NOW), Optional.of("eu-central-1"),
            ReplicationQuota.unknown());

    @Test
    void aSecondWaveNamingAServerOfARunningWaveIsRefusedWithThatWavesNameAndTheFirstKeepsItsServers() {
        preflight.run(request(WaveFiles.read("start-wave.json")));

        assertThatThrownBy(() -> preflight.run(secondWave(DATABASE, OTHER_SERVER)))
                .isInstanceOf(PreflightException.class)
                .hasMessage("media-database: in wave " + EXECUTION_NAME + ", which is still running (" + EXECUTION_ARN
                        + "); a server moves in one running wave at a time: wait for " + EXECUTION_NAME
                        + " to end, or take media-database out of this wave");

        assertThat(store.find(SECOND_NAME)).isEmpty();
        assertThat(START_WAVE_SERVERS).allSatisfy(server ->
                assertThat(claims.holder(server)).map(ServerClaim::waveId).contains(EXECUTION_NAME));
        assertThat(claims.holder(OTHER_SERVER)).as("the refused wave gives back what it claimed").isEmpty();
        assertThat(store.servers(EXECUTION_NAME)).hasSize(4);
    }

    @Test
    void aServerIsClaimedUnderItsInstanceTooSoThatAWaveNamingTheInstanceIsRefused() {
        preflight.run(request(WaveFiles.read("start-wave.json")));
        String mediaServerInstance = ready(MEDIA_SERVER).awsInstanceId();

        ObjectNode byInstance = wave(List.of());
        ((ArrayNode) byInstance.get("servers")).addObject().put("sourceInstanceId", mediaServerInstance)
                .put("name", "media-server-by-instance");

        assertThatThrownBy(() -> preflight.run(new PreflightRequest(byInstance, SECOND_ARN, SECOND_NAME)))
                .isInstanceOf(PreflightException.class)
                .hasMessageStartingWith("media-server-by-instance: in wave " + EXECUTION_NAME + ", which is still running");
    }

    @Test
    void aWaveWhoseExecutionHasEndedGivesWayToTheNext() {
        preflight.run(request(WaveFiles.read("start-wave.json")));
        // Aborted from the console: its Report never ran to give the servers back.
        running.remove(EXECUTION_ARN);

        PreflightResult second = preflight.run(secondWave(DATABASE, OTHER_SERVER));

        assertThat(second.progress().total()).isEqualTo(2);
        assertThat(claims.holder(DATABASE)).map(ServerClaim::waveId).contains(SECOND_NAME);
        assertThat(claims.holder(MEDIA_SERVER)).as("servers the next wave does not name stay as they were")
                .map(ServerClaim::waveId).contains(EXECUTION_NAME);
    }

    @Test
    void aRetriedPreflightFindsItsOwnClaimsAndPasses() {
        preflight.run(request(WaveFiles.read("start-wave.json")));
        PreflightResult again = preflight.run(request(WaveFiles.read("start-wave.json")));

        assertThat(again.progress().total()).isEqualTo(4);
        assertThat(START_WAVE_SERVERS).allSatisfy(server ->
                assertThat(claims.holder(server)).map(ServerClaim::executionArn).contains(EXECUTION_ARN));
    }

    @Test
    void aWaveRefusedForAnotherReasonHoldsNoServer() {
        ObjectNode wave = WaveFiles.read("start-wave.json");
        ((ArrayNode) wave.get("servers")).addObject().put("sourceServerId", "s-00000000000000999").put("name", "ghost");

        assertThatThrownBy(() -> preflight.run(request(wave))).isInstanceOf(PreflightException.class)
                .hasMessageContaining("s-00000000000000999");

        assertThat(claims.size()).isZero();
    }

    /** The start wave with only these servers, started as a second execution. */
    private static PreflightRequest secondWave(String... servers) {
        return new PreflightRequest(wave(List.of(servers)), SECOND_ARN, SECOND_NAME);
    }

    private static ObjectNode wave(List<String> servers) {
        ObjectNode wave = WaveFiles.read("start-wave.json");
        wave.put("waveName", "media-stack-wave-2");
        ArrayNode named = wave.putArray("servers");
        for (String server : servers) {
            ObjectNode spec = named.addObject().put("sourceServerId", server);
            if (server.equals(DATABASE)) {
                spec.put("name", "media-database");
            }
        }
        return wave;
    }
}
