package dev.ferry.stage.fakes;

import dev.ferry.dns.DnsChange;
import dev.ferry.dns.DnsChangeRejectedException;
import dev.ferry.dns.DnsGateway;
import dev.ferry.dns.DnsRecordSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Route 53 in memory: record sets per zone, change batches applied at once (UPSERT replaces the
 * set of the same name, type and identifier; DELETE removes it, and, as in Route 53, the whole
 * batch is refused when a DELETE does not name a set exactly as it is), every batch recorded.
 */
public final class FakeDns implements DnsGateway {

    private final List<Zoned> sets = new ArrayList<>();
    private final List<Submitted> submitted = new ArrayList<>();
    private Runnable beforeNextSubmit;

    /** One submitted batch. */
    public record Submitted(String hostedZoneId, List<DnsChange> changes, String comment) {
    }

    private record Zoned(String zone, DnsRecordSet set) {
    }

    /** A simple record with one value and this TTL. */
    public FakeDns withSimpleRecord(String zone, String name, String type, String value, long ttl) {
        sets.add(new Zoned(zone, new DnsRecordSet(name, type, null, null, ttl, List.of(value), null, null)));
        return this;
    }

    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** The weighted set with this identifier, or null. */
    public DnsRecordSet set(String zone, String name, String type, String setIdentifier) {
        return sets.stream()
                .filter(zoned -> zoned.zone().equals(zone))
                .map(Zoned::set)
                .filter(set -> set.name().equals(DnsRecordSet.normalName(name)) && set.type().equals(type))
                .filter(set -> Objects.equals(set.setIdentifier(), setIdentifier))
                .findFirst()
                .orElse(null);
    }

    @Override
    public List<DnsRecordSet> recordSets(String hostedZoneId, String recordName, String type) {
        return sets.stream()
                .filter(zoned -> zoned.zone().equals(hostedZoneId))
                .map(Zoned::set)
                .filter(set -> set.name().equals(DnsRecordSet.normalName(recordName)) && set.type().equals(type))
                .toList();
    }

    /** Runs {@code action} once, when the next batch is submitted and before it is applied. */
    public void beforeNextSubmit(Runnable action) {
        beforeNextSubmit = action;
    }

    @Override
    public String submit(String hostedZoneId, List<DnsChange> changes, String comment) {
        Runnable before = beforeNextSubmit;
        beforeNextSubmit = null;
        if (before != null) {
            before.run();
        }
        for (DnsChange change : changes) {
            boolean exists = sets.contains(new Zoned(hostedZoneId, change.record()));
            if (change.action() == DnsChange.Action.DELETE && !exists) {
                throw new DnsChangeRejectedException("Route 53 refused the change of zone " + hostedZoneId
                        + ": Tried to delete resource record set [name='" + change.record().name() + "', type='"
                        + change.record().type() + "'] but it was not found", null);
            }
        }
        submitted.add(new Submitted(hostedZoneId, changes, comment));
        for (DnsChange change : changes) {
            DnsRecordSet record = change.record();
            sets.removeIf(zoned -> zoned.zone().equals(hostedZoneId) && zoned.set().name().equals(record.name())
                    && zoned.set().type().equals(record.type())
                    && Objects.equals(zoned.set().setIdentifier(), record.setIdentifier()));
            if (change.action() == DnsChange.Action.UPSERT) {
                sets.add(new Zoned(hostedZoneId, record));
            }
        }
        return "C" + submitted.size();
    }

    @Override
    public boolean inSync(String changeId) {
        return true;
    }

    @Override
    public void awaitInSync(String changeId, Duration timeout) {
        // Changes are in sync as soon as they are applied here.
    }
}
