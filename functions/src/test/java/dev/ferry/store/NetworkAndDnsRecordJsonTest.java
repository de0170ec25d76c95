package dev.ferry.store;

import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.DnsSwitchProgress.OriginalTtl;
import dev.ferry.server.NetworkSetup;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.WaveRecord;
import dev.ferry.wave.LaunchSettings;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The records' new parts are stored as JSON and read back whole; records stored before them still read. */
class NetworkAndDnsRecordJsonTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

    @Test
    void aWaveWithItsNetworkSetupAndDnsProgressReadsBackEqual() {
        WaveRecord wave = new WaveRecord("wave-1", "arn:aws:states:eu-central-1:111122223333:execution:w:wave-1",
                WaveFiles.parse("wave-with-network-and-dns.json"), WaveRecord.WaveStatus.RUNNING, null, NOW,
                new NetworkSetup("media-eu-central-1", true, Map.of("sg-0000000000000000a", "sg-0feed00000000001"),
                        List.of("sg-0000000000000000a"), List.of(), List.of("prefix list not copied")),
                DnsSwitchProgress.remembering(List.of(new OriginalTtl("Z0123456789ABCDEFGHIJ", "media.example.com", "A",
                        86_400L))).withTtlLowered(NOW, 60).withStepApplied(0, 10, NOW, null));

        WaveRecord read = RecordJson.read(RecordJson.text(wave), WaveRecord.class);

        assertThat(read).isEqualTo(wave);
    }

    @Test
    void aServerWithDerivedSettingsAndItsLaunchTemplateReadsBackEqual() {
        ServerRecord server = ServerRecord.joining("wave-1", "s-00000000000000001", "web-1", "i-0a1b2c3d4e5f60718", NOW)
                .withDerivedLaunch(new LaunchSettings("t2.micro", null, "subnet-0f1e2d3c4b5a69788",
                        List.of("sg-0feed00000000001"), "media-eu-central-1", null, null, null, null, null))
                .withLaunchTemplate(new ServerRecord.LaunchTemplate("lt-0123456789abcdef0", 3));

        ServerRecord read = RecordJson.read(RecordJson.text(server), ServerRecord.class);

        assertThat(read).isEqualTo(server);
    }

    @Test
    void aWaveStoredBeforeTheNewPartsReadsWithoutThem() {
        String stored = """
                {"waveId":"wave-1","executionArn":"arn","status":"RUNNING","startedAt":"2026-03-02T10:15:00Z",
                 "definition":{"waveName":"old","targetRegion":"eu-central-1","servers":[],"approvers":["ops@example.com"]}}""";

        WaveRecord read = RecordJson.read(stored, WaveRecord.class);

        assertThat(read.network()).isNull();
        assertThat(read.dns()).isNull();
        assertThat(read.definition().network()).isNull();
    }
}
