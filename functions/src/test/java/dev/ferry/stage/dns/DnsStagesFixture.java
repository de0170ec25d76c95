package dev.ferry.stage.dns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.probe.Prober;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.stage.fakes.FakeDns;
import dev.ferry.stage.fakes.WaveFixtures;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.wave.WaveDefinitionParser;
import dev.ferry.wave.WaveFiles;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static dev.ferry.stage.fakes.PreflightFixtures.EXECUTION_ARN;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;

/** The wave of {@code events/wave-with-network-and-dns.json} with its record in Route 53, for the DNS stages. */
final class DnsStagesFixture {

    static final String WAVE_ID = "media-stack-by-instance-20260302";
    static final String ZONE = "Z0123456789ABCDEFGHIJ";
    static final String RECORD = "media.example.com";
    static final String SOURCE_ADDRESS = "203.0.113.10";
    static final String TARGET_ADDRESS = "198.51.100.20";
    static final long ORIGINAL_TTL = 86_400;
    static final String HEALTH_URL = "https://media.example.com/health";

    private DnsStagesFixture() {
    }

    /** Route 53 with the record as the source serves it: a simple A record with a one-day TTL. */
    static FakeDns route53() {
        return new FakeDns().withSimpleRecord(ZONE, RECORD, "A", SOURCE_ADDRESS, ORIGINAL_TTL);
    }

    /** The wave stored running, with one server waiting to be finalized. */
    static InMemoryWaveStore storedWave(ObjectNode definition) {
        WaveRecord wave = new WaveRecord(WAVE_ID, EXECUTION_ARN, WaveDefinitionParser.parse(definition),
                WaveStatus.RUNNING, null, NOW, null, null);
        ServerRecord server = ServerRecord.joining(WAVE_ID, WaveFixtures.serverId(1), "media-server",
                "i-0a1b2c3d4e5f60718", NOW).enteringStage(Stage.FINALIZE, NOW);
        return new InMemoryWaveStore().with(wave, List.of(server));
    }

    static InMemoryWaveStore storedWave() {
        return storedWave(WaveFiles.read("wave-with-network-and-dns.json"));
    }

    /** A prober whose HTTP checks answer as scripted, in order; every URL asked is kept. */
    static final class ScriptedProber implements Prober {

        private final Deque<Boolean> answers = new ArrayDeque<>();
        private final List<String> asked = new ArrayList<>();

        ScriptedProber answering(Boolean... passes) {
            answers.addAll(List.of(passes));
            return this;
        }

        List<String> asked() {
            return List.copyOf(asked);
        }

        @Override
        public ProbeResult tcp(String host, int port, Duration timeout) {
            throw new AssertionError("the DNS switch checks over HTTP only");
        }

        @Override
        public ProbeResult http(String url, int expectStatus, Duration timeout) {
            asked.add(url);
            boolean passed = answers.isEmpty() || answers.removeFirst();
            return new ProbeResult(passed, "http GET " + url + ": status " + (passed ? expectStatus : 503));
        }

        @Override
        public ProbeResult https(String url, String serverName, int expectStatus, Duration timeout) {
            throw new AssertionError("the DNS switch checks real names, with the JDK's own HTTPS");
        }
    }
}
