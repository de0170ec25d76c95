package dev.ferry.stage.dns;

import dev.ferry.dns.AliasTarget;
import dev.ferry.dns.DnsChange;
import dev.ferry.dns.DnsChangeRejectedException;
import dev.ferry.dns.DnsGateway;
import dev.ferry.dns.DnsShiftPlan;
import dev.ferry.dns.DnsSwitchSpec;
import dev.ferry.server.DnsSwitchProgress;
import dev.ferry.server.DnsSwitchProgress.OriginalTtl;
import dev.ferry.wave.DnsSettings;
import dev.ferry.wave.DnsSettings.DnsRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Route 53 side of the DNS stages: each record's plan, worked out again from what Route 53
 * holds now and the original TTL the wave remembers, and the submission of a change batch until
 * it is in sync.
 */
final class DnsPlans {

    /** Route 53 usually propagates a change within a minute. */
    static final Duration IN_SYNC_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(DnsPlans.class);

    private final DnsGateway dns;

    DnsPlans(DnsGateway dns) {
        this.dns = dns;
    }

    /** The plan of one record; the original TTL is the remembered one, or the current TTL when none is. */
    DnsShiftPlan plan(DnsSettings settings, DnsRecord record, DnsSwitchProgress progress) {
        Long remembered = progress == null ? null : progress.originalTtl(record.hostedZoneId(), record.name(),
                record.type()).map(OriginalTtl::ttl).orElse(null);
        return DnsShiftPlan.of(spec(settings, record), dns.recordSets(record.hostedZoneId(), record.name(),
                record.type()), remembered);
    }

    /**
     * Plans each record's changes from what Route 53 holds now and applies them. Route 53 refuses a
     * batch that deletes a record set unless it names it exactly as it is; when it does, an earlier
     * attempt of the stage, or one running alongside it, changed the record since it was read. The
     * changes are then planned again from the records as they now are and applied once more.
     */
    void planAndApply(DnsSettings settings, DnsSwitchProgress progress,
                      Function<DnsShiftPlan, List<DnsChange>> changesOf, String comment) {
        List<List<DnsChange>> changes = changes(settings, progress, changesOf);
        try {
            apply(settings.records(), changes, comment);
        } catch (DnsChangeRejectedException rejected) {
            if (changes.stream().flatMap(List::stream).noneMatch(change -> change.action() == DnsChange.Action.DELETE)) {
                throw rejected;
            }
            LOG.warn("Route 53 refused a change that deletes a record set, which changed since it was read ({}); "
                    + "planning again from the records as they are now", rejected.getMessage());
            apply(settings.records(), changes(settings, progress, changesOf), comment);
        }
    }

    private List<List<DnsChange>> changes(DnsSettings settings, DnsSwitchProgress progress,
                                          Function<DnsShiftPlan, List<DnsChange>> changesOf) {
        List<List<DnsChange>> changes = new ArrayList<>();
        for (DnsRecord record : settings.records()) {
            changes.add(changesOf.apply(plan(settings, record, progress)));
        }
        return changes;
    }

    /**
     * Submits each record's changes, then waits until every change is in sync, so that the next
     * step or check sees what Route 53 serves.
     */
    private void apply(List<DnsRecord> records, List<List<DnsChange>> changesByRecord, String comment) {
        List<String> changeIds = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<DnsChange> changes = changesByRecord.get(i);
            if (!changes.isEmpty()) {
                changeIds.add(dns.submit(records.get(i).hostedZoneId(), changes, comment));
            }
        }
        changeIds.forEach(id -> dns.awaitInSync(id, IN_SYNC_TIMEOUT));
    }

    static DnsSwitchSpec spec(DnsSettings settings, DnsRecord record) {
        DnsSettings.TargetAlias alias = record.targetAlias();
        return new DnsSwitchSpec(record.hostedZoneId(), record.name(), record.type(), record.sourceSetIdentifier(),
                record.targetSetIdentifier(), settings.lowerTtlTo(), settings.steps(), settings.pause(),
                record.targetValues(),
                alias == null ? null : new AliasTarget(alias.hostedZoneId(), alias.dnsName(), alias.evaluateTargetHealth()));
    }
}
