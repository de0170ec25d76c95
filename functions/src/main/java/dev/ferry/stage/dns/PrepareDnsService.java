package dev.ferry.stage.dns;

import dev.ferry.dns.DnsGateway;
import dev.ferry.dns.DnsShiftPlan;
import dev.ferry.server.DnsSwitchProgress.OriginalTtl;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.UnknownWaveException;
import dev.ferry.server.WaveProgress;
import dev.ferry.server.WaveRecord.WaveStatus;
import dev.ferry.server.WaveRecord;
import dev.ferry.server.WaveStore;
import dev.ferry.stage.WaveRef;
import dev.ferry.wave.DnsSettings.DnsRecord;
import dev.ferry.wave.DnsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers the TTL of each record the wave moves, at wave start, so that resolvers hold the old
 * answer only briefly when the switch comes (a no-op for a wave without {@code dns}). The original
 * TTL of each record is stored with the wave before anything is changed, so that a retry after a
 * crash never takes the lowered TTL for the original; a wave whose TTL is lowered is left alone.
 */
public class PrepareDnsService {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareDnsService.class);

    private final WaveStore store;
    private final DnsPlans plans;
    private final Clock clock;

    public PrepareDnsService(WaveStore store, DnsGateway dns, Clock clock) {
        this.store = store;
        this.plans = new DnsPlans(dns);
        this.clock = clock;
    }

    /**
     * Remembers the original TTLs and lowers them to the wave's value.
     *
     * @throws UnknownWaveException when the wave is not in the store
     * @throws dev.ferry.dns.DnsPlanException when a record has no source to move from
     */
    public WaveProgress prepare(WaveRef ref) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("waveId", ref.waveId())) {
            WaveRecord wave = store.require(ref.waveId());
            DnsSettings settings = wave.definition().dns();
            boolean lowered = wave.dns() != null && wave.dns().ttlLowered();
            if (settings == null || wave.status() != WaveStatus.RUNNING || lowered) {
                return WaveProgress.of(wave, store.servers(wave.waveId()));
            }
            if (wave.dns() == null) {
                wave = wave.withDns(DnsSwitchProgress.remembering(originalTtls(settings)));
                store.update(wave);
            }
            plans.planAndApply(settings, wave.dns(), DnsShiftPlan::lowerTtl, "Ferry wave "
                    + wave.definition().waveName() + ": lower the TTL to " + settings.lowerTtlTo()
                    + " s ahead of the switch");
            wave = wave.withDns(wave.dns().withTtlLowered(clock.instant(), settings.lowerTtlTo()));
            store.update(wave);
            LOG.info("TTL of {} records lowered to {} s", settings.records().size(), settings.lowerTtlTo());
            return WaveProgress.of(wave, store.servers(wave.waveId()));
        }
    }

    private List<OriginalTtl> originalTtls(DnsSettings settings) {
        List<OriginalTtl> originals = new ArrayList<>();
        for (DnsRecord record : settings.records()) {
            DnsShiftPlan plan = plans.plan(settings, record, null);
            originals.add(new OriginalTtl(record.hostedZoneId(), record.name(), record.type(), plan.originalTtl()));
        }
        return originals;
    }
}
