package dev.ferry.local.cloud.route53;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.local.mgn.environment.ObjectReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code route53} section of an environment file; see
 * {@link Route53Environment#fromJson}. A zone's record sets must be ones Route 53 would hold:
 * each record set as a change would be checked, and together without conflicts.
 */
final class Route53EnvironmentReader {

    private static final String SECTION = "route53";
    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");
    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*[a-z0-9_-]{1,63}\\.?");
    private static final Pattern NON_BLANK = Pattern.compile(".*\\S.*");
    /** A record's value: TXT data may span lines. */
    private static final Pattern NON_BLANK_VALUE = Pattern.compile("(?s).*\\S.*");
    private static final List<String> TYPES = List.of("A", "AAAA", "CNAME", "TXT");
    /** A day: beyond that a rehearsal's DNS stage could never see its change in sync. */
    private static final long MAX_PROPAGATION_SECONDS = 86_400;

    private final List<String> problems;

    Route53EnvironmentReader(List<String> problems) {
        this.problems = problems;
    }

    Route53Environment read(JsonNode root) {
        Optional<ObjectReader> section = ObjectReader.section(root, SECTION, problems);
        if (section.isEmpty()) {
            return Route53Environment.NONE;
        }
        ObjectReader route53 = section.get();
        route53.rejectUnknownFields("propagationSeconds", "hostedZones");
        Duration propagation = route53.optionalWholeNumber("propagationSeconds", 0, MAX_PROPAGATION_SECONDS)
                .map(Duration::ofSeconds).orElse(Duration.ZERO);
        List<HostedZoneSpec> zones = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ObjectReader zone : route53.objectArray("hostedZones", true, true)) {
            HostedZoneSpec spec = readZone(zone);
            if (!spec.id().isEmpty() && !ids.add(spec.id())) {
                zone.problem("id", "duplicates another hosted zone's " + spec.id());
            }
            zones.add(spec);
        }
        return new Route53Environment(propagation, zones);
    }

    private HostedZoneSpec readZone(ObjectReader zone) {
        zone.rejectUnknownFields("id", "name", "recordSets");
        String id = zone.requiredString("id", ZONE_ID, "\"Z\" followed by up to 31 upper-case letters and digits");
        String name = DnsNames.normal(zone.requiredString("name", DOMAIN, "a domain name such as example.com."));
        List<RecordSet> sets = new ArrayList<>();
        List<ObjectReader> readers = zone.objectArray("recordSets", false, true);
        for (ObjectReader reader : readers) {
            sets.add(readRecordSet(reader, name));
        }
        List<RecordSet> accepted = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            RecordSet set = sets.get(i);
            Optional<String> conflict = HostedZone.conflictOf(set, accepted);
            if (conflict.isPresent()) {
                problems.add(zone.fieldPath("recordSets") + "[" + i + "]: " + conflict.get());
            } else {
                accepted.add(set);
            }
        }
        return new HostedZoneSpec(id, name, sets);
    }

    private RecordSet readRecordSet(ObjectReader set, String zoneName) {
        set.rejectUnknownFields("name", "type", "setIdentifier", "weight", "ttl", "values");
        String name = set.requiredString("name", DOMAIN, "a domain name such as media.example.com.");
        if (!name.isEmpty() && !DnsNames.inZone(DnsNames.normal(name), zoneName)) {
            set.problem("name", "is not in the zone " + zoneName);
        }
        if (!set.has("type")) {
            set.problem("type", "is required (one of " + String.join(", ", TYPES) + ")");
        }
        Optional<String> type = set.optionalChoice("type", TYPES);
        String identifier = set.optionalString("setIdentifier", NON_BLANK, "a non-blank string").orElse(null);
        Long weight = set.optionalWholeNumber("weight", 0, RecordSetRules.MAX_WEIGHT).orElse(null);
        if (identifier != null && weight == null) {
            set.problem("weight", "is required with a setIdentifier (a weighted set)");
        }
        if (weight != null && identifier == null) {
            set.problem("setIdentifier", "is required with a weight (a weighted set)");
        }
        if (!set.has("ttl")) {
            set.problem("ttl", "is required");
        }
        long ttl = set.optionalWholeNumber("ttl", 0, RecordSetRules.MAX_TTL).orElse(0L);
        List<String> values = set.stringArray("values", true, false, NON_BLANK_VALUE, "a non-blank string");
        RecordSet recordSet = new RecordSet(name.isEmpty() ? zoneName : name, type.orElse("A"), identifier, weight, ttl,
                values, null, null);
        if (type.isPresent()) {
            RecordSetRules.valueProblems(recordSet).forEach(problem -> set.problem("values", problem));
        }
        return recordSet;
    }
}
