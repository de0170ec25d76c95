package dev.ferry.local.cloud.route53;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One resource record set of a hosted zone: a simple record (no set identifier) or one weighted set.
 *
 * @param name          the record name, lower case with its final dot
 * @param type          {@code A}, {@code AAAA}, {@code CNAME}, {@code TXT}, ...
 * @param setIdentifier the weighted set's identifier, or null
 * @param weight        the weighted set's weight (0 to 255), or null
 * @param ttl           seconds resolvers may cache it, or null for an alias
 * @param values        its values; empty for an alias
 * @param alias         where an alias points, or null
 * @param healthCheckId its health check, or null
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, Long ttl, List<String> values,
                        AliasTarget alias, String healthCheckId) {

    /** ListResourceRecordSets' order: name (labels reversed), then type, then set identifier. */
    static final Comparator<RecordSet> ORDER = Comparator
            .comparing((RecordSet set) -> DnsNames.sortKey(set.name()))
            .thenComparing(RecordSet::type)
            .thenComparing(set -> set.setIdentifier() == null ? "" : set.setIdentifier());

    public RecordSet {
        name = DnsNames.normal(name);
        type = type.toUpperCase(Locale.ROOT);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A simple record with values. */
    public static RecordSet simple(String name, String type, long ttl, List<String> values) {
        return new RecordSet(name, type, null, null, ttl, values, null, null);
    }

    /** Whether this is a weighted set. */
    public boolean weighted() {
        return setIdentifier != null;
    }

    /** What identifies it in its zone: name, type and set identifier. */
    Key key() {
        return new Key(name, type, setIdentifier);
    }

    /** How Route 53 names a record set in its messages. */
    String describe() {
        return "[name='" + name + "', type='" + type + "'" + (setIdentifier == null ? "" : ", set-identifier='"
                + setIdentifier + "'") + "]";
    }

    /** Name, type and set identifier: at most one record set of a zone has each. */
    record Key(String name, String type, String setIdentifier) {
        boolean sameNameAndType(Key other) {
            return name.equals(other.name) && type.equals(other.type);
        }
    }
}
