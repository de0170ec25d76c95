package dev.ferry.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.dns.DnsRecordSet;
import dev.ferry.probe.Prober;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.stage.dns.DnsSwitchService;
import dev.ferry.stage.dns.PrepareDnsService;
import dev.ferry.stage.network.PrepareNetworkService;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.FakeDns;
import dev.ferry.stage.fakes.NetworkFakes.FakeSourceEc2;
import dev.ferry.stage.fakes.NetworkFakes.FakeTargetNetwork;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.ferry.stage.fakes.NetworkFakes.group;
import static dev.ferry.stage.fakes.NetworkFakes.instance;
import static org.assertj.core.api.Assertions.assertThat;

/** The PrepareNetwork, PrepareDns and DnsSwitch states, called the way Lambda calls them. */
class NetworkAndDnsHandlersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String WAVE_ID = "media-stack-by-instance-20260302";
    private static final String INPUT = """
            {"waveId": "media-stack-by-instance-20260302"}""";
    private static final String ZONE = "Z0123456789ABCDEFGHIJ";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryWaveStore store = new InMemoryWaveStore().with(
            new WaveRecord(WAVE_ID, "arn:aws:states:eu-central-1:111122223333:execution:FerryWave:" + WAVE_ID,
                    WaveFiles.parse("wave-with-network-and-dns.json"), WaveStatus.RUNNING, null, NOW, null, null),
            List.of(ServerRecord.joining(WAVE_ID, "s-0000000000000000a", "media-server", "i-0a1b2c3d4e5f60718", NOW)));
    private final FakeDns route53 = new FakeDns().withSimpleRecord(ZONE, "media.example.com", "A", "203.0.113.10", 3600);

    @Test
    void thePrepareNetworkStateReturnsTheWavesCountsWithTheServersSettingsDerived() {
        FakeSourceEc2 source = new FakeSourceEc2()
                .with(instance("i-0a1b2c3d4e5f60718", "t2.micro", "us-east-1a", "sg-0000000000000000a"))
                .with(group("sg-0000000000000000a", "web"));
        PrepareNetworkHandler handler = new PrepareNetworkHandler(new PrepareNetworkService(store, region -> source,
                new FakeTargetNetwork(), notification -> { }, clock));

        JsonNode progress = StageHandlerCalls.invoke(handler, INPUT);

        assertThat(progress.get("waveId").asText()).isEqualTo(WAVE_ID);
        assertThat(progress.get("active").asInt()).isEqualTo(1);
        assertThat(store.server(WAVE_ID, "s-0000000000000000a").derivedLaunch().instanceType()).isEqualTo("t2.micro");
    }

    @Test
    void thePrepareDnsStateLowersTheTtlAndReturnsTheWavesCounts() {
        PrepareDnsHandler handler = new PrepareDnsHandler(new PrepareDnsService(store, route53, clock));

        JsonNode progress = StageHandlerCalls.invoke(handler, INPUT);

        assertThat(progress.get("total").asInt()).isEqualTo(1);
        assertThat(route53.set(ZONE, "media.example.com", "A", null).ttl()).isEqualTo(60L);
    }

    @Test
    void theDnsSwitchStateSaysHowLongToWaitBeforeItIsCalledAgain() {
        new PrepareDnsService(store, route53, clock).prepare(new WaveRef(WAVE_ID));
        DnsSwitchHandler handler = new DnsSwitchHandler(new DnsSwitchService(store, route53, passingProber(),
                notification -> { }, clock));

        JsonNode result = StageHandlerCalls.invoke(handler, INPUT);

        assertThat(result.get("done").asBoolean()).isFalse();
        assertThat(result.get("waitSeconds").asLong()).isEqualTo(600);
        assertThat(result.get("progress").get("stopped").asBoolean()).isFalse();
        DnsRecordSet target = route53.set(ZONE, "media.example.com", "A", "ferry-target");
        assertThat(target.weight()).isEqualTo(10L);
    }

    private static Prober passingProber() {
        return new Prober() {
            @Override
            public ProbeResult tcp(String host, int port, Duration timeout) {
                return new ProbeResult(true, "connected");
            }

            @Override
            public ProbeResult http(String url, int expectStatus, Duration timeout) {
                return new ProbeResult(true, "status " + expectStatus);
            }

            @Override
            public ProbeResult https(String url, String serverName, int expectStatus, Duration timeout) {
                return new ProbeResult(true, "status " + expectStatus);
            }
        };
    }
}
