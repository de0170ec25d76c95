package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.wave.DnsSettings.DnsRecord;
import dev.ferry.wave.DnsSettings.HealthCheck;
import dev.ferry.wave.DnsSettings.TargetAlias;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.ferry.wave.ObjectFields.quote;

/** Reads the {@code dns} object of a wave definition: the records to move and how. */
final class DnsSettingsParser {

    static final List<String> FIELDS = List.of("records", "lowerTtlTo", "steps", "pauseMinutes", "healthCheck");
    static final List<String> RECORD_FIELDS = List.of("hostedZoneId", "name", "type", "sourceSetIdentifier",
            "targetSetIdentifier", "targetValues", "targetAlias");
    static final List<String> ALIAS_FIELDS = List.of("hostedZoneId", "dnsName", "evaluateTargetHealth");
    static final List<String> HEALTH_CHECK_FIELDS = List.of("url", "expectStatus");
    static final List<String> RECORD_TYPES = List.of("A", "AAAA", "CNAME");

    static final long DEFAULT_LOWER_TTL_TO = 60;
    static final long MAX_TTL = 172_800;
    static final long DEFAULT_PAUSE_MINUTES = 5;
    static final long MAX_PAUSE_MINUTES = 1440;
    static final List<Integer> DEFAULT_STEPS = List.of(100);
    static final String DEFAULT_SOURCE_SET = "ferry-source";
    static final String DEFAULT_TARGET_SET = "ferry-target";
    static final int MAX_RECORDS = 50;
    static final int MAX_SET_IDENTIFIER = 128;
    static final int DEFAULT_EXPECT_STATUS = 200;

    static final Pattern IPV4 =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    static final Pattern HTTP_URL = Pattern.compile("^https?://[^/:?#{}\\s]+(:\\d{1,5})?([/?#]\\S*)?$");

    private DnsSettingsParser() {
    }

    /** The DNS switch in {@code parent.field}, or null when the field is absent or not an object. */
    static DnsSettings parse(ObjectFields parent, String field) {
        ObjectFields dns = parent.object(field, FIELDS);
        if (dns == null) {
            return null;
        }
        List<DnsRecord> records = records(dns);
        Long lowerTtlTo = dns.wholeNumberWithin("lowerTtlTo", 0, MAX_TTL, " seconds");
        List<Integer> steps = steps(dns);
        Long pause = dns.wholeNumberWithin("pauseMinutes", 0, MAX_PAUSE_MINUTES, " minutes");
        HealthCheck healthCheck = healthCheck(dns);
        return new DnsSettings(records, lowerTtlTo != null ? lowerTtlTo : DEFAULT_LOWER_TTL_TO, steps,
                pause != null ? pause : DEFAULT_PAUSE_MINUTES, healthCheck);
    }

    private static List<DnsRecord> records(ObjectFields dns) {
        Problems problems = dns.problems();
        List<JsonNode> elements = dns.array("records");
        if (elements == null) {
            if (!dns.has("records")) {
                problems.add(dns.pathOf("records"), "is required: the Route 53 records to move");
            }
            return List.of();
        }
        if (elements.isEmpty() || elements.size() > MAX_RECORDS) {
            problems.add(dns.pathOf("records"), "must list 1 to " + MAX_RECORDS + " records, not " + elements.size());
        }
        Map<String, String> firstSeen = new HashMap<>();
        List<DnsRecord> records = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields record = ObjectFields.of(elements.get(i), dns.pathOf("records") + "[" + i + "]", problems,
                    RECORD_FIELDS);
            if (record == null) {
                continue;
            }
            DnsRecord parsed = record(record);
            if (parsed.hostedZoneId() != null && parsed.name() != null && parsed.type() != null) {
                String key = parsed.hostedZoneId() + " " + normalName(parsed.name()) + " " + parsed.type();
                String first = firstSeen.putIfAbsent(key, record.path());
                if (first != null) {
                    problems.add(record.path(), parsed.name() + " " + parsed.type() + " is listed twice (first as "
                            + first + ")");
                }
            }
            records.add(parsed);
        }
        return records;
    }

    private static DnsRecord record(ObjectFields record) {
        Problems problems = record.problems();
        String zone = record.requiredText("hostedZoneId");
        if (zone != null) {
            AwsNames.hostedZoneId(zone, record.pathOf("hostedZoneId"), problems);
        }
        String name = record.requiredText("name");
        if (name != null) {
            AwsNames.dnsName(name, record.pathOf("name"), problems);
        }
        if (!record.has("type")) {
            problems.add(record.pathOf("type"), "is required");
        }
        String type = record.oneOf("type", RECORD_TYPES);
        String sourceSet = setIdentifier(record, "sourceSetIdentifier", DEFAULT_SOURCE_SET);
        String targetSet = setIdentifier(record, "targetSetIdentifier", DEFAULT_TARGET_SET);
        if (sourceSet != null && sourceSet.equals(targetSet)) {
            problems.add(record.pathOf("targetSetIdentifier"), quote(targetSet)
                    + " is also the source's set identifier; the two weighted sets need different identifiers");
        }
        List<String> values = record.texts("targetValues");
        TargetAlias alias = alias(record);
        if (!record.has("targetValues") && !record.has("targetAlias")) {
            problems.add(record.path(), "needs targetValues or targetAlias: where the target's weighted set sends "
                    + "traffic");
        } else if (record.has("targetValues") && record.has("targetAlias")) {
            problems.add(record.path(), "gives both targetValues and targetAlias; a weighted set holds one of them");
        }
        if (values != null) {
            targetValues(record, values, type);
        }
        return new DnsRecord(zone, name, type, sourceSet, targetSet, values, alias);
    }

    private static String setIdentifier(ObjectFields record, String field, String fallback) {
        String identifier = record.text(field);
        if (identifier == null) {
            return fallback;
        }
        if (identifier.isEmpty() || identifier.length() > MAX_SET_IDENTIFIER) {
            record.problems().add(record.pathOf(field), "a set identifier must be 1 to " + MAX_SET_IDENTIFIER
                    + " characters long");
        }
        return identifier;
    }

    private static void targetValues(ObjectFields record, List<String> values, String type) {
        String path = record.pathOf("targetValues");
        Problems problems = record.problems();
        if (values.isEmpty()) {
            problems.add(path, "must list at least one value");
        }
        if ("CNAME".equals(type) && values.size() > 1) {
            problems.add(path, "a CNAME record holds exactly one value, not " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String valuePath = path + "[" + i + "]";
            if ("A".equals(type) && !IPV4.matcher(value).matches()) {
                problems.add(valuePath, quote(value) + " is not an IPv4 address, which an A record holds");
            } else if ("AAAA".equals(type) && !IPV6.matcher(value).matches()) {
                problems.add(valuePath, quote(value) + " is not an IPv6 address, which an AAAA record holds");
            } else if ("CNAME".equals(type)) {
                AwsNames.dnsName(value, valuePath, problems);
            }
        }
    }

    private static TargetAlias alias(ObjectFields record) {
        ObjectFields alias = record.object("targetAlias", ALIAS_FIELDS);
        if (alias == null) {
            return null;
        }
        String zone = alias.requiredText("hostedZoneId");
        if (zone != null) {
            AwsNames.hostedZoneId(zone, alias.pathOf("hostedZoneId"), alias.problems());
        }
        String dnsName = alias.requiredText("dnsName");
        if (dnsName != null) {
            AwsNames.dnsName(dnsName, alias.pathOf("dnsName"), alias.problems());
        }
        Boolean evaluate = alias.bool("evaluateTargetHealth");
        return new TargetAlias(zone, dnsName, Boolean.TRUE.equals(evaluate));
    }

    /** The target's share after each step: whole percentages, each above the one before, ending at 100. */
    private static List<Integer> steps(ObjectFields dns) {
        List<JsonNode> elements = dns.array("steps");
        if (elements == null) {
            return DEFAULT_STEPS;
        }
        String path = dns.pathOf("steps");
        Problems problems = dns.problems();
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!element.isIntegralNumber() || element.asLong() < 1 || element.asLong() > 100) {
                problems.add(path + "[" + i + "]", "must be a whole percentage from 1 to 100, not "
                        + ObjectFields.describe(element));
                return DEFAULT_STEPS;
            }
            steps.add(element.asInt());
        }
        if (steps.isEmpty() || steps.getLast() != 100) {
            problems.add(path, "must end with 100: the last step sends all traffic to the target, e.g. [100] or "
                    + "[10, 50, 100]");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                problems.add(path, "must rise from step to step, not " + steps);
                break;
            }
        }
        return steps;
    }

    private static HealthCheck healthCheck(ObjectFields dns) {
        ObjectFields check = dns.object("healthCheck", HEALTH_CHECK_FIELDS);
        if (check == null) {
            if (!dns.has("healthCheck")) {
                dns.problems().add(dns.pathOf("healthCheck"), "is required: an HTTP check that must pass before "
                        + "each next step");
            }
            return null;
        }
        String url = check.requiredText("url");
        if (url != null && !HTTP_URL.matcher(url).matches()) {
            check.problems().add(check.pathOf("url"), quote(url) + " is not an http:// or https:// URL with a host, "
                    + "such as https://media.example.com/health");
        }
        Long expectStatus = check.wholeNumberWithin("expectStatus", 100, 599, "");
        return new HealthCheck(url, expectStatus != null ? expectStatus.intValue() : DEFAULT_EXPECT_STATUS);
    }

    private static String normalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
