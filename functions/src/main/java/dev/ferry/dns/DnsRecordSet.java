package dev.ferry.dns;

import java.util.List;
import java.util.Locale;

/**
 * One Route 53 record set: a simple record (no set identifier) or one weighted set of a record.
 *
 * @param name          the record name, lower case with its final dot ({@code www.example.com.})
 * @param type          {@code A}, {@code AAAA}, {@code CNAME}...
 * @param setIdentifier the weighted set's identifier, or null for a simple record
 * @param weight        the weighted set's weight (0 to 255), or null
 * @param ttl           seconds resolvers may cache it, or null for an alias
 * @param values        its values (addresses, a host name); empty for an alias
 * @param alias         where an alias points, or null
 * @param healthCheckId the health check of a weighted set, or null
 */
public record DnsRecordSet(String name, String type, String setIdentifier, Long weight, Long ttl,
                           List<String> values, AliasTarget alias, String healthCheckId) {

    public DnsRecordSet {
        name = normalName(name);
        type = type.toUpperCase(Locale.ROOT);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether this is a weighted set rather than a simple record. */
    public boolean weighted() {
        return setIdentifier != null;
    }

    /** The same values as a weighted set with this identifier, weight and TTL (an alias keeps no TTL). */
    public DnsRecordSet asWeighted(String identifier, long newWeight, Long newTtl) {
        return new DnsRecordSet(name, type, identifier, newWeight, alias == null ? newTtl : null, values, alias,
                healthCheckId);
    }

    /** The same record with another TTL (an alias keeps none). */
    public DnsRecordSet withTtl(Long newTtl) {
        return new DnsRecordSet(name, type, setIdentifier, weight, alias == null ? newTtl : null, values, alias,
                healthCheckId);
    }

    /**
     * A record name as Route 53 compares it: lower case, with its final dot, and with the
     * {@code \ddd} octal escapes Route 53 uses in answers (e.g. {@code \052} for {@code *}) decoded.
     */
    public static String normalName(String name) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && isOctal(name, i + 1)) {
                decoded.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                decoded.append(c);
            }
        }
        String lower = decoded.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    private static boolean isOctal(String text, int start) {
        if (start + 3 > text.length()) {
            return false;
        }
        for (int i = start; i < start + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
