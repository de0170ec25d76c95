package dev.ferry.local.cloud.route53;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route 53 in its REST-XML protocol (global: any signing region is accepted): the environment's
 * hosted zones (GetHostedZone, ListHostedZones), their record sets (ListResourceRecordSets, sorted
 * and paged as Route 53 does) and atomic change batches (ChangeResourceRecordSets) checked as Route
 * 53 checks them. A change is PENDING when accepted and INSYNC for every GetChange once the
 * environment's propagation time has passed on the virtual clock. Every accepted change is kept,
 * with the record sets it left, in {@link #changes()}.
 */
public final class Route53Simulator implements LocalService {

    static final String API_VERSION = "2013-04-01";
    static final String NAMESPACE = "https://route53.amazonaws.com/doc/" + API_VERSION + "/";
    /** ListResourceRecordSets' page size when none is asked for, and its largest. */
    static final int MAX_ITEMS = 300;

    private static final String PREFIX = "/" + API_VERSION + "/";
    private static final Pattern ZONE = Pattern.compile(PREFIX + "hostedzone/([^/]+)");
    private static final Pattern RRSET = Pattern.compile(PREFIX + "hostedzone/([^/]+)/rrset/?");
    private static final Pattern CHANGE = Pattern.compile(PREFIX + "change/([^/]+)");
    private static final String CONTENT_TYPE = "text/xml";

    private final Clock clock;
    private final Duration propagation;
    private final Map<String, HostedZone> zones = new LinkedHashMap<>();
    private final List<Route53Change> changes = new ArrayList<>();

    /**
     * @param clock       the rehearsal's virtual clock
     * @param environment the hosted zones and the propagation time
     */
    public Route53Simulator(Clock clock, Route53Environment environment) {
        this.clock = clock;
        this.propagation = environment.propagation();
        environment.hostedZones().forEach(zone -> zones.put(zone.id(), new HostedZone(zone)));
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        try {
            return LocalResponse.of(200, CONTENT_TYPE, answer(request));
        } catch (Route53Exception e) {
            return LocalResponse.of(e.status(), CONTENT_TYPE, errorDocument(e));
        }
    }

    /** Every change batch accepted so far, in order. */
    public synchronized List<Route53Change> changes() {
        return List.copyOf(changes);
    }

    /** The record sets of a hosted zone now, in ListResourceRecordSets' order (NS and SOA included). */
    public synchronized List<RecordSet> recordSets(String hostedZoneId) {
        return zone(hostedZoneId).recordSets();
    }

    private synchronized String answer(LocalRequest request) {
        String method = request.method();
        String path = request.path();
        Matcher rrset = RRSET.matcher(path);
        if (rrset.matches()) {
            return switch (method) {
                case "GET" -> listResourceRecordSets(zone(rrset.group(1)), LocalRequest.parseForm(request.query()));
                case "POST" -> changeResourceRecordSets(zone(rrset.group(1)), request.body());
                default -> throw Route53Exception.unknownOperation(method, path);
            };
        }
        Matcher zone = ZONE.matcher(path);
        if (zone.matches() && method.equals("GET")) {
            return getHostedZone(zone(zone.group(1)));
        }
        Matcher change = CHANGE.matcher(path);
        if (change.matches() && method.equals("GET")) {
            return getChange(bareId(change.group(1), "/change/"));
        }
        if (path.equals(PREFIX + "hostedzone") && method.equals("GET")) {
            return listHostedZones();
        }
        throw Route53Exception.unknownOperation(method, path);
    }

    private String getHostedZone(HostedZone zone) {
        XmlWriter xml = new XmlWriter().startDocument("GetHostedZoneResponse", NAMESPACE);
        writeZone(xml, zone);
        xml.start("DelegationSet").start("NameServers");
        zone.nameServers().forEach(server -> xml.element("NameServer", server.substring(0, server.length() - 1)));
        return xml.endAll().toString();
    }

    private String listHostedZones() {
        XmlWriter xml = new XmlWriter().startDocument("ListHostedZonesResponse", NAMESPACE).start("HostedZones");
        zones.values().forEach(zone -> writeZone(xml, zone));
        return xml.end().element("IsTruncated", false).element("MaxItems", 100).endAll().toString();
    }

    private static void writeZone(XmlWriter xml, HostedZone zone) {
        xml.start("HostedZone")
                .element("Id", "/hostedzone/" + zone.id())
                .element("Name", zone.name())
                .element("CallerReference", "ferry-rehearsal-" + zone.id())
                .start("Config").element("PrivateZone", false).end()
                .element("ResourceRecordSetCount", zone.recordSets().size())
                .end();
    }

    private String listResourceRecordSets(HostedZone zone, Map<String, String> query) {
        String startName = query.get("name");
        String startType = query.get("type");
        String startIdentifier = query.get("identifier");
        if (startType != null && startName == null) {
            throw Route53Exception.invalidInput("Invalid request: StartRecordType requires StartRecordName");
        }
        if (startIdentifier != null && startType == null) {
            throw Route53Exception.invalidInput("Invalid request: StartRecordIdentifier requires StartRecordName and StartRecordType");
        }
        if (startType != null && !RecordSetRules.TYPES.contains(startType)) {
            throw Route53Exception.invalidInput("Invalid request: unknown record type '" + startType + "'");
        }
        int maxItems = maxItems(query.get("maxitems"));
        List<RecordSet> from = zone.recordSets().stream()
                .filter(set -> startName == null || !before(set, DnsNames.normal(startName), startType, startIdentifier))
                .toList();
        XmlWriter xml = new XmlWriter().startDocument("ListResourceRecordSetsResponse", NAMESPACE)
                .start("ResourceRecordSets");
        from.stream().limit(maxItems).forEach(set -> writeRecordSet(xml, set));
        xml.end().element("IsTruncated", from.size() > maxItems);
        if (from.size() > maxItems) {
            RecordSet next = from.get(maxItems);
            xml.element("NextRecordName", next.name()).element("NextRecordType", next.type())
                    .element("NextRecordIdentifier", next.setIdentifier());
        }
        return xml.element("MaxItems", maxItems).endAll().toString();
    }

    /** Whether {@code set} sorts before the start a ListResourceRecordSets request gives. */
    private static boolean before(RecordSet set, String name, String type, String identifier) {
        int byName = DnsNames.sortKey(set.name()).compareTo(DnsNames.sortKey(name));
        if (byName != 0 || type == null) {
            return byName < 0;
        }
        int byType = set.type().compareTo(type);
        if (byType != 0 || identifier == null) {
            return byType < 0;
        }
        return (set.setIdentifier() == null ? "" : set.setIdentifier()).compareTo(identifier) < 0;
    }

    private static void writeRecordSet(XmlWriter xml, RecordSet set) {
        xml.start("ResourceRecordSet")
                .element("Name", set.name())
                .element("Type", set.type())
                .element("SetIdentifier", set.setIdentifier())
                .element("Weight", set.weight())
                .element("TTL", set.ttl());
        if (!set.values().isEmpty()) {
            xml.start("ResourceRecords");
            set.values().forEach(value -> xml.start("ResourceRecord").element("Value", value).end());
            xml.end();
        }
        if (set.alias() != null) {
            xml.start("AliasTarget")
                    .element("HostedZoneId", set.alias().hostedZoneId())
                    .element("DNSName", set.alias().dnsName())
                    .element("EvaluateTargetHealth", set.alias().evaluateTargetHealth())
                    .end();
        }
        xml.element("HealthCheckId", set.healthCheckId()).end();
    }

    private String changeResourceRecordSets(HostedZone zone, byte[] body) {
        ChangeBatchParser.ChangeBatch batch = ChangeBatchParser.parse(body);
        List<RecordSet> after = zone.apply(batch.changes());
        Instant now = clock.instant();
        Route53Change change = new Route53Change(changeId(), zone.id(), batch.comment(), now, now.plus(propagation),
                batch.changes().stream().map(Change::describe).toList(), after);
        changes.add(change);
        XmlWriter xml = new XmlWriter().startDocument("ChangeResourceRecordSetsResponse", NAMESPACE);
        writeChangeInfo(xml, change, "PENDING");
        return xml.endAll().toString();
    }

    private String getChange(String changeId) {
        Route53Change change = changes.stream().filter(candidate -> candidate.changeId().equals(changeId)).findFirst()
                .orElseThrow(() -> Route53Exception.noSuchChange(changeId));
        XmlWriter xml = new XmlWriter().startDocument("GetChangeResponse", NAMESPACE);
        writeChangeInfo(xml, change, clock.instant().isBefore(change.inSyncAt()) ? "PENDING" : "INSYNC");
        return xml.endAll().toString();
    }

    private static void writeChangeInfo(XmlWriter xml, Route53Change change, String status) {
        xml.start("ChangeInfo")
                .element("Id", "/change/" + change.changeId())
                .element("Status", status)
                .element("SubmittedAt", change.submittedAt().truncatedTo(ChronoUnit.MILLIS))
                .element("Comment", change.comment().isEmpty() ? null : change.comment())
                .end();
    }

    private HostedZone zone(String pathId) {
        String id = bareId(pathId, "/hostedzone/");
        return Optional.ofNullable(zones.get(id)).orElseThrow(() -> Route53Exception.noSuchHostedZone(id));
    }

    /** An ID from a path, URL-decoded and without the {@code /hostedzone/} or {@code /change/} some clients keep. */
    private static String bareId(String pathId, String prefix) {
        String decoded = URLDecoder.decode(pathId, StandardCharsets.UTF_8);
        return decoded.startsWith(prefix) ? decoded.substring(prefix.length()) : decoded;
    }

    private static int maxItems(String requested) {
        if (requested == null) {
            return MAX_ITEMS;
        }
        try {
            int items = Integer.parseInt(requested);
            if (items < 1) {
                throw Route53Exception.invalidInput("Invalid request: maxitems must be at least 1");
            }
            return Math.min(items, MAX_ITEMS);
        } catch (NumberFormatException e) {
            throw Route53Exception.invalidInput("Invalid request: maxitems must be a whole number, got " + requested);
        }
    }

    private String changeId() {
        return String.format("C%013d", changes.size() + 1);
    }

    /**
     * Route 53's error document. A refused change batch says why in its message, as a bracketed list,
     * and lists each reason under {@code messages} (the member name of the service model's
     * InvalidChangeBatch), which the SDK gives as {@code InvalidChangeBatchException.messages()}.
     */
    private static String errorDocument(Route53Exception e) {
        XmlWriter xml = new XmlWriter().startDocument("ErrorResponse", NAMESPACE).start("Error")
                .element("Type", "Sender")
                .element("Code", e.code());
        if (e.messages().isEmpty()) {
            return xml.element("Message", e.getMessage()).end().element("RequestId", UUID.randomUUID()).endAll()
                    .toString();
        }
        xml.element("Message", e.messages().toString()).start("messages");
        e.messages().forEach(message -> xml.element("Message", message));
        return xml.end().end().element("RequestId", UUID.randomUUID()).endAll().toString();
    }
}
