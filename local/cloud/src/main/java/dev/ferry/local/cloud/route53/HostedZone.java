package dev.ferry.local.cloud.route53;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A hosted zone and its record sets. A change batch is applied as Route 53 applies it: checked
 * change by change on a copy, then as a whole, and either every change takes effect or none does.
 * Guarded by the simulator's lock.
 */
final class HostedZone {

    private final String id;
    private final String name;
    private final Map<RecordSet.Key, RecordSet> sets = new LinkedHashMap<>();

    /** A zone with the environment's record sets and the NS and SOA records Route 53 gives every zone. */
    HostedZone(HostedZoneSpec spec) {
        this.id = spec.id();
        this.name = spec.name();
        put(sets, RecordSet.simple(name, "NS", 172_800, nameServers()));
        put(sets, RecordSet.simple(name, "SOA", 900, List.of(nameServers().getFirst()
                + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400")));
        spec.recordSets().forEach(set -> put(sets, set));
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The four name servers Route 53 delegates the zone to. */
    List<String> nameServers() {
        return List.of("ns-101.awsdns-12.com.", "ns-702.awsdns-23.net.", "ns-1303.awsdns-34.org.",
                "ns-1904.awsdns-45.co.uk.");
    }

    /** Every record set, in ListResourceRecordSets' order. */
    List<RecordSet> recordSets() {
        return sets.values().stream().sorted(RecordSet.ORDER).toList();
    }

    /**
     * Applies the batch atomically and returns the record sets of the names and types it touched.
     *
     * @throws Route53Exception InvalidInput for a change of the wrong shape, InvalidChangeBatch for
     *                          changes the zone's records do not allow; nothing has changed then
     */
    List<RecordSet> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            throw Route53Exception.invalidInput("Invalid request: a change batch needs at least one change");
        }
        for (Change change : changes) {
            List<String> shape = RecordSetRules.shapeProblems(change.recordSet());
            if (!shape.isEmpty()) {
                throw Route53Exception.invalidInput(shape.getFirst() + " in " + change.context());
            }
        }
        Map<RecordSet.Key, RecordSet> working = new LinkedHashMap<>(sets);
        List<String> messages = new ArrayList<>();
        Set<RecordSet.Key> written = new HashSet<>();
        for (Change change : changes) {
            RecordSet set = change.recordSet();
            messages.addAll(RecordSetRules.valueProblems(set));
            if (!DnsNames.inZone(set.name(), name)) {
                messages.add("RRSet with DNS name " + set.name() + " is not permitted in zone " + name);
                continue;
            }
            if (change.action() != Change.Action.DELETE && !written.add(set.key())) {
                messages.add("The request contains an invalid set of changes for a resource record set '"
                        + set.type() + " " + set.name() + "'");
                continue;
            }
            applyOne(change, working).ifPresent(messages::add);
        }
        if (messages.isEmpty()) {
            messages.addAll(conflicts(working.values()));
        }
        if (!messages.isEmpty()) {
            throw Route53Exception.invalidChangeBatch(messages);
        }
        sets.clear();
        sets.putAll(working);
        return sets.values().stream()
                .filter(set -> changes.stream().anyMatch(change -> change.recordSet().key().sameNameAndType(set.key())))
                .sorted(RecordSet.ORDER)
                .toList();
    }

    /**
     * Why {@code set} cannot sit next to {@code others} in one zone, if it cannot: the same name, type
     * and identifier twice, a simple record next to weighted sets of its name and type, or a CNAME
     * next to any other record of its name.
     */
    static Optional<String> conflictOf(RecordSet set, Collection<RecordSet> others) {
        for (RecordSet other : others) {
            if (!other.name().equals(set.name())) {
                continue;
            }
            if (other.key().equals(set.key())) {
                return Optional.of("Tried to create resource record set " + set.describe() + " but it already exists");
            }
            if (other.type().equals(set.type()) && other.weighted() != set.weighted()) {
                return Optional.of(set.weighted()
                        ? "RRSet with DNS name " + set.name() + ", type " + set.type() + ", SetIdentifier "
                                + set.setIdentifier() + " cannot be created as a non-weighted set exists with the same name and type."
                        : "RRSet with DNS name " + set.name() + ", type " + set.type()
                                + " cannot be created as weighted sets exist with the same name and type.");
            }
            if ((set.type().equals("CNAME") || other.type().equals("CNAME")) && !other.type().equals(set.type())) {
                return Optional.of("RRSet of type CNAME with DNS name " + set.name()
                        + " is not permitted as it conflicts with other records with the same DNS name");
            }
        }
        return Optional.empty();
    }

    private Optional<String> applyOne(Change change, Map<RecordSet.Key, RecordSet> working) {
        RecordSet set = change.recordSet();
        RecordSet current = working.get(set.key());
        switch (change.action()) {
            case CREATE -> {
                if (current != null) {
                    return Optional.of("Tried to create resource record set " + set.describe() + " but it already exists");
                }
                working.put(set.key(), set);
            }
            case DELETE -> {
                if (current == null) {
                    return Optional.of("Tried to delete resource record set " + set.describe() + " but it was not found");
                }
                if (!sameContent(current, set)) {
                    return Optional.of("Tried to delete resource record set " + set.describe()
                            + " but the values provided do not match the current values");
                }
                if (set.name().equals(name) && (set.type().equals("NS") || set.type().equals("SOA"))) {
                    return Optional.of("A HostedZone must contain exactly one SOA record and at least one NS record"
                            + " for the zone itself");
                }
                working.remove(set.key());
            }
            case UPSERT -> working.put(set.key(), set);
        }
        return Optional.empty();
    }

    /** What a DELETE must repeat exactly: weight, TTL, values (in any order), alias and health check. */
    private static boolean sameContent(RecordSet current, RecordSet given) {
        return Objects.equals(current.weight(), given.weight())
                && Objects.equals(current.ttl(), given.ttl())
                && Set.copyOf(current.values()).equals(Set.copyOf(given.values()))
                && Objects.equals(current.alias(), given.alias())
                && Objects.equals(current.healthCheckId(), given.healthCheckId());
    }

    private static List<String> conflicts(Collection<RecordSet> all) {
        List<String> messages = new ArrayList<>();
        List<RecordSet> accepted = new ArrayList<>();
        for (RecordSet set : all) {
            conflictOf(set, accepted).ifPresentOrElse(messages::add, () -> accepted.add(set));
        }
        return messages;
    }

    private static void put(Map<RecordSet.Key, RecordSet> sets, RecordSet set) {
        sets.put(set.key(), set);
    }
}
