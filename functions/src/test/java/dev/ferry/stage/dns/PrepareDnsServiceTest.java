package dev.ferry.stage.dns;

import dev.ferry.dns.DnsChange;
import dev.ferry.dns.DnsRecordSet;
import dev.ferry.server.DnsSwitchProgress.OriginalTtl;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.stage.WaveRef;
import dev.ferry.stage.fakes.FakeDns;
import dev.ferry.testing.InMemoryWaveStore;
import dev.ferry.testing.MutableClock;
import dev.ferry.wave.WaveFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ferry.stage.dns.DnsStagesFixture.ORIGINAL_TTL;
import static dev.ferry.stage.dns.DnsStagesFixture.RECORD;
import static dev.ferry.stage.dns.DnsStagesFixture.SOURCE_ADDRESS;
import static dev.ferry.stage.dns.DnsStagesFixture.WAVE_ID;
import static dev.ferry.stage.dns.DnsStagesFixture.ZONE;
import static dev.ferry.stage.fakes.PreflightFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class PrepareDnsServiceTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeDns route53 = DnsStagesFixture.route53();
    private final InMemoryWaveStore store = DnsStagesFixture.storedWave();
    private final PrepareDnsService service = new PrepareDnsService(store, route53, clock);

    @Test
    void theRecordsTtlIsLoweredToTheWavesValue() {
        service.prepare(new WaveRef(WAVE_ID));

        assertThat(route53.set(ZONE, RECORD, "A", null).ttl()).isEqualTo(60L);
        assertThat(route53.set(ZONE, RECORD, "A", null).values()).containsExactly(SOURCE_ADDRESS);
    }

    @Test
    void theOriginalTtlIsRememberedWithTheWave() {
        service.prepare(new WaveRef(WAVE_ID));

        DnsSwitchProgress progress = store.wave(WAVE_ID).dns();
        assertThat(progress.originalTtls()).containsExactly(new OriginalTtl(ZONE, RECORD, "A", ORIGINAL_TTL));
        assertThat(progress.ttlLowered()).isTrue();
    }

    @Test
    void aSecondRunLowersNothingAgain() {
        service.prepare(new WaveRef(WAVE_ID));

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(route53.submitted()).hasSize(1);
    }

    @Test
    void aRetryAfterTheTtlWasLoweredKeepsTheRememberedOriginal() {
        store.update(store.wave(WAVE_ID).withDns(DnsSwitchProgress.remembering(
                List.of(new OriginalTtl(ZONE, RECORD, "A", ORIGINAL_TTL)))));
        route53.submit(ZONE, List.of(DnsChange.upsert(new DnsRecordSet(RECORD, "A", null, null, 60L,
                List.of(SOURCE_ADDRESS), null, null))), "lowered before a crash");

        service.prepare(new WaveRef(WAVE_ID));

        assertThat(store.wave(WAVE_ID).dns().originalTtls()).extracting(OriginalTtl::ttl).containsExactly(ORIGINAL_TTL);
        assertThat(store.wave(WAVE_ID).dns().ttlLowered()).isTrue();
        assertThat(route53.submitted()).hasSize(1);
    }

    @Test
    void aWaveWithoutDnsIsLeftAsItIs() {
        InMemoryWaveStore withoutDns = DnsStagesFixture.storedWave(WaveFiles.read("wave-by-instance-ids.json"));

        new PrepareDnsService(withoutDns, route53, clock).prepare(new WaveRef(WAVE_ID));

        assertThat(route53.submitted()).isEmpty();
        assertThat(withoutDns.wave(WAVE_ID).dns()).isNull();
    }
}
