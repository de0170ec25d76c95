package dev.ferry.local.cloud.route53;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Route 53's rules for one record set, in two kinds as Route 53 reports them: the shape of the
 * request (InvalidInput: which fields go together) and the record's values (InvalidChangeBatch:
 * an address that is not one, a CNAME with two names).
 */
final class RecordSetRules {

    static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX", "NS", "SOA", "SRV", "PTR", "CAA");
    static final long MAX_WEIGHT = 255;
    static final long MAX_TTL = 2_147_483_647L;
    static final int MAX_SET_IDENTIFIER_LENGTH = 128;

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private RecordSetRules() {
    }

    /** Which fields are present together, and their ranges. */
    static List<String> shapeProblems(RecordSet set) {
        List<String> problems = new ArrayList<>();
        if (!TYPES.contains(set.type())) {
            problems.add("Invalid request: unknown record type '" + set.type() + "' (expected one of "
                    + String.join(", ", TYPES.stream().sorted().toList()) + ")");
        }
        if (set.setIdentifier() != null && set.weight() == null) {
            problems.add("Invalid request: Missing field 'Weight' for a record set with a SetIdentifier");
        }
        if (set.weight() != null && set.setIdentifier() == null) {
            problems.add("Invalid request: Missing field 'SetIdentifier' for a record set with a Weight");
        }
        if (set.setIdentifier() != null && (set.setIdentifier().isEmpty()
                || set.setIdentifier().length() > MAX_SET_IDENTIFIER_LENGTH)) {
            problems.add("Invalid request: SetIdentifier must have 1 to " + MAX_SET_IDENTIFIER_LENGTH + " characters");
        }
        if (set.weight() != null && (set.weight() < 0 || set.weight() > MAX_WEIGHT)) {
            problems.add("Invalid request: Weight must be from 0 to " + MAX_WEIGHT + ", got " + set.weight());
        }
        boolean records = set.ttl() != null && !set.values().isEmpty();
        boolean partRecords = set.ttl() != null || !set.values().isEmpty();
        if ((set.alias() != null) == partRecords || (set.alias() == null && !records)) {
            problems.add("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], "
                    + "or TrafficPolicyInstanceId], but found " + (set.alias() == null && !partRecords ? "none" : "more than one or a part"));
        }
        if (set.ttl() != null && (set.ttl() < 0 || set.ttl() > MAX_TTL)) {
            problems.add("Invalid request: TTL must be from 0 to " + MAX_TTL + ", got " + set.ttl());
        }
        return problems;
    }

    /** Whether each value is one the record type can hold. */
    static List<String> valueProblems(RecordSet set) {
        List<String> problems = new ArrayList<>();
        for (String value : set.values()) {
            String problem = switch (set.type()) {
                case "A" -> IPV4.matcher(value).matches() ? null : "ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address)";
                case "AAAA" -> IPV6.matcher(value).matches() ? null : "AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address)";
                case "TXT" -> value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? null
                        : "InvalidCharacterString (Value should be enclosed in quotation marks)";
                default -> null;
            };
            if (problem != null) {
                problems.add("Invalid Resource Record: 'FATAL problem: " + problem + " encountered with '" + value + "''");
            }
        }
        if (set.type().equals("CNAME") && set.values().size() > 1) {
            problems.add("RRSet of type CNAME with DNS name " + set.name() + " has more than one value");
        }
        return problems;
    }
}
