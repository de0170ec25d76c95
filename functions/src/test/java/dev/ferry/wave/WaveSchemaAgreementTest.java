package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.ValidationSettings.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/wave-definition.schema.json} and the parser from drifting apart. The parser
 * declares its rules once: the fields of each object in the {@code FIELDS} lists of its parsers,
 * the allowed values in its enums and lists, the shapes of identifiers in {@link AwsNames}. This
 * test holds the schema to them: the same field names in every object, the same enum values, the
 * same patterns; and it asks both, on one wave that uses every field, what they make of each field
 * left out (the required fields, conditions included), of the bounds, types, enum values, examples
 * and defaults the schema states. Each failure names the field and the place in the schema to fix.
 *
 * <p>Adding a wave setting: add it to the parser's {@code FIELDS} list, to the schema's
 * {@code properties} of that object, and to {@code every-field-wave.json}; a new object also needs
 * a row in {@link #OBJECTS}, a new enum a row in {@link #ENUMS}.
 *
 * <p>Rules of the parser that no JSON Schema can express are listed in {@link #RULES_BEYOND_THE_SCHEMA},
 * each with a wave that breaks it, which the parser refuses and the schema accepts.
 */
class WaveSchemaAgreementTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMA_FILE = "docs/wave-definition.schema.json";

    /**
     * Every kind of object the parser reads: where the schema describes it (a JSON pointer), the
     * fields the parser knows there, and where {@code every-field-wave.json} holds one.
     */
    static final List<WaveObject> OBJECTS = List.of(
            new WaveObject("", "WaveDefinitionParser.ROOT_FIELDS", WaveDefinitionParser.ROOT_FIELDS, ""),
            new WaveObject("/$defs/server", "WaveDefinitionParser.SERVER_FIELDS", WaveDefinitionParser.SERVER_FIELDS,
                    "servers[0]", "servers[1]"),
            new WaveObject("/$defs/launch", "LaunchSettingsParser.FIELDS", LaunchSettingsParser.FIELDS,
                    "launch", "servers[0].launch"),
            new WaveObject("/$defs/replication", "ReplicationSettingsParser.FIELDS", ReplicationSettingsParser.FIELDS,
                    "replication"),
            new WaveObject("/$defs/validation", "ValidationSettingsParser.FIELDS", ValidationSettingsParser.FIELDS,
                    "validation"),
            new WaveObject("/$defs/tcpCheck", "ValidationSettingsParser.TCP_FIELDS", ValidationSettingsParser.TCP_FIELDS,
                    "validation.tcp[0]"),
            new WaveObject("/$defs/httpCheck", "ValidationSettingsParser.HTTP_FIELDS",
                    ValidationSettingsParser.HTTP_FIELDS, "validation.http[0]", "validation.http[1]"),
            new WaveObject("/$defs/timeLimits", "WaveDefinitionParser.TIME_LIMIT_FIELDS",
                    WaveDefinitionParser.TIME_LIMIT_FIELDS, "timeLimits"),
            new WaveObject("/$defs/policies", "WaveDefinitionParser.POLICY_FIELDS", WaveDefinitionParser.POLICY_FIELDS,
                    "policies"),
            new WaveObject("/$defs/network", "NetworkSettingsParser.FIELDS", NetworkSettingsParser.FIELDS, "network"),
            new WaveObject("/$defs/keyPair", "NetworkSettingsParser.KEY_PAIR_FIELDS",
                    NetworkSettingsParser.KEY_PAIR_FIELDS, "network.keyPair"),
            new WaveObject("/$defs/dns", "DnsSettingsParser.FIELDS", DnsSettingsParser.FIELDS, "dns"),
            new WaveObject("/$defs/dnsRecord", "DnsSettingsParser.RECORD_FIELDS", DnsSettingsParser.RECORD_FIELDS,
                    "dns.records[0]", "dns.records[1]"),
            new WaveObject("/$defs/targetAlias", "DnsSettingsParser.ALIAS_FIELDS", DnsSettingsParser.ALIAS_FIELDS,
                    "dns.records[1].targetAlias"),
            new WaveObject("/$defs/dnsHealthCheck", "DnsSettingsParser.HEALTH_CHECK_FIELDS",
                    DnsSettingsParser.HEALTH_CHECK_FIELDS, "dns.healthCheck"),
            new WaveObject("/$defs/agentInstallation", "AgentInstallationParser.FIELDS", AgentInstallationParser.FIELDS,
                    "agentInstallation"),
            new WaveObject("/$defs/quotas", "WaveDefinitionParser.QUOTA_FIELDS", WaveDefinitionParser.QUOTA_FIELDS,
                    "quotas"),
            new WaveObject("/$defs/mgnWave", "MgnWaveSettingsParser.FIELDS", MgnWaveSettingsParser.FIELDS,
                    "mgnWave"),
            new WaveObject("/$defs/notifications", "WaveDefinitionParser.NOTIFICATION_FIELDS",
                    WaveDefinitionParser.NOTIFICATION_FIELDS, "notifications"));

    /** Every enum of the schema (by JSON pointer) and the values the parser allows there. */
    static final Map<String, List<String>> ENUMS = Map.ofEntries(
            entry("/$defs/launch/properties/rightSizing", LaunchSettingsParser.RIGHT_SIZING),
            entry("/$defs/launch/properties/launchDisposition", LaunchSettingsParser.LAUNCH_DISPOSITIONS),
            entry("/$defs/replication/properties/stagingDiskType", ReplicationSettingsParser.DISK_TYPES),
            entry("/$defs/replication/properties/dataPlaneRouting", ReplicationSettingsParser.ROUTINGS),
            entry("/$defs/address", names(Address.values())),
            entry("/$defs/notifications/properties/level", names(NotificationSettings.Level.values())),
            entry("/$defs/policies/properties/onServerFailure", names(OnServerFailure.values())),
            entry("/$defs/dnsRecord/properties/type", DnsSettingsParser.RECORD_TYPES));

    /** The schema's patterns (by JSON pointer) that are the parser's own regular expressions, character for character. */
    static final Map<String, Pattern> PATTERNS = Map.ofEntries(
            entry("/properties/waveName", WaveDefinitionParser.WAVE_NAME),
            entry("/$defs/region", AwsNames.REGION),
            entry("/$defs/mgnName", MgnWaveSettingsParser.MGN_NAME),
            entry("/$defs/sourceServerId", AwsNames.SOURCE_SERVER_ID),
            entry("/$defs/instanceId", AwsNames.INSTANCE_ID),
            entry("/$defs/subnetId", AwsNames.SUBNET_ID),
            entry("/$defs/vpcId", AwsNames.VPC_ID),
            entry("/$defs/availabilityZone", AwsNames.AVAILABILITY_ZONE),
            entry("/$defs/securityGroupId", AwsNames.SECURITY_GROUP_ID),
            entry("/$defs/instanceType", AwsNames.INSTANCE_TYPE),
            entry("/$defs/hostedZoneId", AwsNames.HOSTED_ZONE_ID),
            entry("/$defs/dnsName", AwsNames.DNS_NAME),
            entry("/$defs/email", AwsNames.EMAIL),
            entry("/$defs/dnsHealthCheck/properties/url", DnsSettingsParser.HTTP_URL),
            entry("/$defs/dnsRecord/allOf/0/then/properties/targetValues/items", DnsSettingsParser.IPV4),
            entry("/$defs/dnsRecord/allOf/1/then/properties/targetValues/items", DnsSettingsParser.IPV6));

    /**
     * The schema's patterns that state in a regular expression what the parser checks in code; the
     * probes and {@link WaveSchemaTest} hold them to the parser's verdicts instead.
     */
    static final Set<String> PATTERNS_FOR_RULES_IN_CODE = Set.of(
            "/$defs/server/properties/name", // not blank
            "/$defs/tags/propertyNames/not", // no aws: prefix, in any case
            "/$defs/httpCheck/properties/url", // the URL's parts, checked one by one
            "/$defs/httpCheck/if/properties/url", // https:// needs serverName
            "/$defs/keyPair/properties/publicKey", // an OpenSSH public key
            "/$defs/keyPair/properties/publicKey/not"); // never a private key

    /**
     * What the parser refuses and no JSON Schema can state, each with a change to the every-field
     * wave that breaks the rule: the parser refuses the result, the schema accepts it. An editor
     * does not flag these; Preflight does.
     */
    static final List<BeyondTheSchema> RULES_BEYOND_THE_SCHEMA = List.of(
            new BeyondTheSchema("an MGN source server or an EC2 instance is listed twice in servers (uniqueItems "
                    + "compares whole entries, not one field of them)",
                    wave -> SampleWave.set(wave, "servers[1].sourceInstanceId", text("i-0a1b2c3d4e5f60718"))),
            new BeyondTheSchema("an approver is listed twice in another case (uniqueItems is case-sensitive)",
                    wave -> SampleWave.set(wave, "approvers[1]", text("MIGRATION-LEAD@example.com"))),
            new BeyondTheSchema("DNS steps must rise (a schema cannot compare an array's items with each other)",
                    wave -> SampleWave.set(wave, "dns.steps", Json.mapper().valueToTree(List.of(50, 10, 100)))),
            new BeyondTheSchema("a DNS record (zone, name and type, the name without case and final dot) is listed "
                    + "twice", wave -> {
                        ObjectNode twin = SampleWave.get(wave, "dns.records[0]").deepCopy();
                        twin.put("name", "MEDIA.example.com.");
                        ((ArrayNode) SampleWave.get(wave, "dns.records")).add(twin);
                    }),
            new BeyondTheSchema("a record's targetSetIdentifier must differ from its sourceSetIdentifier (a schema "
                    + "cannot compare two values)",
                    wave -> SampleWave.set(wave, "dns.records[0].targetSetIdentifier", text("old-site"))),
            new BeyondTheSchema("a whole number must be written without a fraction: JSON Schema counts 20.0 as an "
                    + "integer", wave -> SampleWave.set(wave, "validation.timeLimitMinutes", NODES.numberNode(20.0))),
            new BeyondTheSchema("lengths are counted in UTF-16 code units by the parser, in characters by JSON "
                    + "Schema: 100 emoji make a 200-unit server name",
                    wave -> SampleWave.set(wave, "servers[1].name", text("\uD83D\uDE80".repeat(100)))));

    /**
     * Where the schema is stricter than the parser, on purpose: the parser reads a field set to
     * JSON null as left out, the schema has editors leave it out instead (a null would be offered
     * as a value for every field otherwise).
     */
    @Test
    void aFieldSetToNullIsLeftOutForTheParserAndRefusedByTheSchema() {
        ObjectNode wave = SampleWave.everyField();
        wave.putNull("quotas");

        assertThat(parserProblems(wave)).isEmpty();
        assertThat(WaveSchema.complaints(wave)).extracting(WaveSchema.Complaint::path).containsExactly("quotas");
    }

    static Stream<WaveObject> objects() {
        return OBJECTS.stream();
    }

    static Stream<BeyondTheSchema> rulesBeyondTheSchema() {
        return RULES_BEYOND_THE_SCHEMA.stream();
    }

    @Test
    void theWaveThatUsesEveryFieldIsValidForTheParserAndTheSchema() {
        ObjectNode wave = SampleWave.everyField();

        assertThat(parserProblems(wave)).isEmpty();
        assertThat(WaveSchema.complaints(wave)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("objects")
    void theSchemaDescribesExactlyTheFieldsTheParserKnows(WaveObject object) {
        Set<String> inSchema = object.schemaProperties();
        List<String> drift = new ArrayList<>();
        for (String field : object.parserFields()) {
            if (!inSchema.contains(field)) {
                drift.add("\"" + field + "\" is a field of " + object.parserFieldsName() + " (at " + object.locations()
                        + ") that " + SCHEMA_FILE + " lacks: add it to " + object.pointer() + "/properties");
            }
        }
        for (String field : inSchema) {
            if (!object.parserFields().contains(field)) {
                drift.add("\"" + field + "\" is in " + SCHEMA_FILE + " at " + object.pointer() + "/properties but the "
                        + "parser does not know it (" + object.parserFieldsName() + "): remove it or teach the parser");
            }
        }

        assertThat(drift).as("fields that drifted apart").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("objects")
    void theSchemaRefusesUnknownFieldsAsTheParserDoes(WaveObject object) {
        assertThat(object.schema().path("additionalProperties").isBoolean()
                && !object.schema().path("additionalProperties").asBoolean())
                .as("%s needs \"additionalProperties\": false: the parser refuses unknown fields there", object.pointer())
                .isTrue();
        List<String> drift = new ArrayList<>();
        for (String location : object.locations()) {
            ObjectNode wave = SampleWave.everyField();
            ((ObjectNode) SampleWave.get(wave, location)).put("notAWaveField", true);
            assertAgree(wave, (location.isEmpty() ? "the top level" : location) + " with an unknown field",
                    object.pointer(), drift);
        }

        assertThat(drift).as("unknown fields one refuses and the other does not").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("objects")
    void theWaveThatUsesEveryFieldHoldsEachFieldOfTheObject(WaveObject object) {
        Set<String> used = new TreeSet<>();
        ObjectNode wave = SampleWave.everyField();
        for (String location : object.locations()) {
            JsonNode node = SampleWave.get(wave, location);
            assertThat(node).as("every-field-wave.json has an object at %s", location).isNotNull();
            node.fieldNames().forEachRemaining(used::add);
        }

        assertThat(used).as("the fields every-field-wave.json gives at %s; add the missing ones there",
                object.locations()).containsAll(object.parserFields());
    }

    /** Leaving out one field at a time tells apart the required fields (under conditions too) from the optional ones. */
    @ParameterizedTest
    @MethodSource("objects")
    void theParserAndTheSchemaRequireTheSameFields(WaveObject object) {
        List<String> drift = new ArrayList<>();
        for (String location : object.locations()) {
            for (String field : fieldNames(SampleWave.get(SampleWave.everyField(), location))) {
                ObjectNode wave = SampleWave.everyField();
                String path = pathOf(location, field);
                SampleWave.remove(wave, path);
                assertAgree(wave, "without " + path, object.pointer() + "/required", drift);
            }
        }

        assertThat(drift).as("fields that one requires and the other does not").isEmpty();
    }

    /**
     * For each field, values drawn from what the schema says of it: each enum value and the same in
     * lower case, each example, the bounds of a number and one past them, the longest and the
     * shortest string and one past them, values of every other JSON type, an empty array or map,
     * and the same for the items of an array and the keys and values of a map.
     */
    @ParameterizedTest
    @MethodSource("objects")
    void theParserAndTheSchemaAgreeOnEveryValueTheSchemaSuggests(WaveObject object) {
        List<String> drift = new ArrayList<>();
        for (String field : object.schemaProperties()) {
            String location = object.locationHolding(field);
            if (location == null) {
                continue; // reported by theWaveThatUsesEveryFieldHoldsEachFieldOfTheObject
            }
            String path = pathOf(location, field);
            String pointer = object.pointer() + "/properties/" + field;
            Keywords keywords = Keywords.of(object.schema().path("properties").path(field));
            for (JsonNode value : probeValues(keywords)) {
                ObjectNode wave = SampleWave.everyField();
                SampleWave.set(wave, path, value);
                assertAgree(wave, path + " = " + value, pointer, drift);
            }
            Keywords items = keywords.subschema("items");
            if (items != null && !"object".equals(items.type())) {
                for (JsonNode value : probeValues(items)) {
                    ObjectNode wave = SampleWave.everyField();
                    SampleWave.set(wave, path + "[0]", value);
                    assertAgree(wave, path + "[0] = " + value, pointer + "/items", drift);
                }
            }
            Keywords mapValues = keywords.subschema("additionalProperties");
            if (mapValues != null) {
                String firstKey = SampleWave.get(SampleWave.everyField(), path).fieldNames().next();
                for (JsonNode value : probeValues(mapValues)) {
                    ObjectNode wave = SampleWave.everyField();
                    SampleWave.set(wave, path + "[\"" + firstKey + "\"]", value);
                    assertAgree(wave, path + "[\"" + firstKey + "\"] = " + value, pointer + "/additionalProperties",
                            drift);
                }
            }
            Keywords keys = keywords.subschema("propertyNames");
            if (keys != null) {
                for (JsonNode key : stringProbes(keys)) {
                    ObjectNode wave = SampleWave.everyField();
                    SampleWave.renameFirstKey(wave, path, key.asText());
                    assertAgree(wave, path + " with the key " + key, pointer + "/propertyNames", drift);
                }
            }
        }

        assertThat(drift).as("values on which the parser and the schema disagree").isEmpty();
    }

    /** A default the schema shows editors is what the parser assumes when the field is left out. */
    @ParameterizedTest
    @MethodSource("objects")
    void eachDefaultOfTheSchemaIsWhatTheParserAssumes(WaveObject object) {
        List<String> drift = new ArrayList<>();
        for (String field : object.schemaProperties()) {
            JsonNode fallback = Keywords.of(object.schema().path("properties").path(field)).get("default");
            String location = object.locationHolding(field);
            if (fallback == null || location == null) {
                continue;
            }
            String path = pathOf(location, field);
            ObjectNode leftOut = SampleWave.everyField();
            SampleWave.remove(leftOut, path);
            ObjectNode given = SampleWave.everyField();
            SampleWave.set(given, path, fallback);
            if (!WaveDefinitionParser.parse(leftOut).equals(WaveDefinitionParser.parse(given))) {
                drift.add(path + ": the schema's default " + fallback + " (" + object.pointer() + "/properties/" + field
                        + ") is not what the parser assumes when the field is left out");
            }
        }

        assertThat(drift).as("defaults that drifted apart").isEmpty();
    }

    @Test
    void eachEnumOfTheSchemaHoldsExactlyTheValuesTheParserAllows() {
        List<String> drift = new ArrayList<>();
        for (String pointer : pointersOf("enum")) {
            List<String> parser = ENUMS.get(pointer);
            List<String> schema = texts(WaveSchema.document().at(pointer).path("enum"));
            if (parser == null) {
                drift.add(pointer + ": an enum of the schema with no row in WaveSchemaAgreementTest.ENUMS naming the "
                        + "parser's values");
            } else if (!parser.equals(schema)) {
                drift.add(pointer + ": the schema allows " + schema + ", the parser " + parser);
            }
        }
        ENUMS.keySet().stream().filter(pointer -> WaveSchema.document().at(pointer).path("enum").isMissingNode())
                .forEach(pointer -> drift.add(pointer + ": no enum there in the schema any more"));

        assertThat(drift).as("enums that drifted apart").isEmpty();
    }

    @Test
    void eachPatternOfTheSchemaIsTheParsersOwnOrStatesARuleTheParserChecksInCode() {
        List<String> drift = new ArrayList<>();
        for (String pointer : pointersOf("pattern")) {
            String schema = WaveSchema.document().at(pointer).path("pattern").asText();
            Pattern parser = PATTERNS.get(pointer);
            if (parser == null && !PATTERNS_FOR_RULES_IN_CODE.contains(pointer)) {
                drift.add(pointer + ": a pattern of the schema in neither PATTERNS nor PATTERNS_FOR_RULES_IN_CODE");
            } else if (parser != null && !parser.pattern().equals(schema)) {
                drift.add(pointer + ": the schema has " + schema + ", the parser " + parser.pattern());
            }
        }
        PATTERNS.keySet().stream().filter(pointer -> WaveSchema.document().at(pointer).path("pattern").isMissingNode())
                .forEach(pointer -> drift.add(pointer + ": no pattern there in the schema any more"));

        assertThat(drift).as("patterns that drifted apart").isEmpty();
    }

    /** A new object in the schema is checked only once it has a row in {@link #OBJECTS}. */
    @Test
    void everyObjectTheSchemaDescribesIsCheckedHere() {
        Set<String> checked = new TreeSet<>();
        OBJECTS.forEach(object -> checked.add(object.pointer().substring(1)));
        Set<String> described = new TreeSet<>(Set.of(""));
        WaveSchema.document().path("$defs").fields().forEachRemaining(definition -> {
            if (definition.getValue().has("properties")) {
                described.add("/$defs/" + definition.getKey());
            }
        });

        assertThat(checked).as("objects of the schema with a row in WaveSchemaAgreementTest.OBJECTS")
                .isEqualTo(described);
    }

    @ParameterizedTest
    @MethodSource("rulesBeyondTheSchema")
    void aRuleBeyondTheSchemaIsCheckedByTheParserAlone(BeyondTheSchema rule) {
        ObjectNode wave = SampleWave.everyField();
        rule.breakIt().accept(wave);

        assertThat(parserProblems(wave)).as("the parser's problems when " + rule.rule()).isNotEmpty();
        assertThat(WaveSchema.complaints(wave)).as("the schema's complaints when " + rule.rule()
                + " (if the schema can say it now, take the rule off RULES_BEYOND_THE_SCHEMA)").isEmpty();
    }

    // ----------------------------------------------------------------------------------------------

    /** Records a disagreement: one of the two refuses the wave and the other accepts it. */
    private static void assertAgree(JsonNode wave, String what, String pointer, List<String> drift) {
        List<String> problems = parserProblems(wave);
        List<WaveSchema.Complaint> complaints = WaveSchema.complaints(wave);
        if (problems.isEmpty() && !complaints.isEmpty()) {
            drift.add(what + ": the parser accepts it, the schema refuses it (" + complaints + "); fix " + pointer
                    + " in " + SCHEMA_FILE);
        } else if (!problems.isEmpty() && complaints.isEmpty()) {
            drift.add(what + ": the parser refuses it (" + problems + "), the schema accepts it; fix " + pointer
                    + " in " + SCHEMA_FILE);
        }
    }

    private static List<String> parserProblems(JsonNode wave) {
        try {
            WaveDefinitionParser.parse(wave);
            return List.of();
        } catch (InvalidWaveException e) {
            return e.problems().stream().map(ValidationProblem::line).toList();
        }
    }

    private static List<JsonNode> probeValues(Keywords keywords) {
        List<JsonNode> values = new ArrayList<>();
        String type = keywords.type();
        for (JsonNode other : List.<JsonNode>of(text("x"), NODES.numberNode(7), NODES.numberNode(1.5),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode())) {
            if (!isOfType(other, type)) {
                values.add(other);
            }
        }
        JsonNode allowed = keywords.get("enum");
        if (allowed != null) {
            for (JsonNode value : allowed) {
                values.add(value);
                String lower = value.asText().toLowerCase(Locale.ROOT);
                if (!lower.equals(value.asText())) {
                    values.add(text(lower));
                }
            }
        }
        switch (type == null ? "" : type) {
            case "integer" -> {
                JsonNode minimum = keywords.get("minimum");
                JsonNode maximum = keywords.get("maximum");
                if (minimum != null) {
                    values.add(minimum);
                    values.add(NODES.numberNode(minimum.bigIntegerValue().subtract(BigInteger.ONE)));
                }
                if (maximum != null) {
                    values.add(maximum);
                    values.add(NODES.numberNode(maximum.bigIntegerValue().add(BigInteger.ONE)));
                }
            }
            case "string" -> values.addAll(stringProbes(keywords));
            case "boolean" -> {
                values.add(NODES.booleanNode(true));
                values.add(NODES.booleanNode(false));
            }
            case "array" -> values.add(NODES.arrayNode());
            case "object" -> {
                if (keywords.get("properties") == null) {
                    values.add(NODES.objectNode()); // an empty map
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** The schema's examples, and strings of the shortest and longest lengths and one past them (when no pattern shapes them). */
    private static List<JsonNode> stringProbes(Keywords keywords) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode examples = keywords.get("examples");
        if (examples != null) {
            examples.forEach(values::add);
        }
        if (keywords.get("pattern") == null) {
            JsonNode minLength = keywords.get("minLength");
            JsonNode maxLength = keywords.get("maxLength");
            if (minLength != null) {
                values.add(text("a".repeat(minLength.asInt())));
                if (minLength.asInt() > 0) {
                    values.add(text("a".repeat(minLength.asInt() - 1)));
                }
            }
            if (maxLength != null) {
                values.add(text("a".repeat(maxLength.asInt())));
                values.add(text("a".repeat(maxLength.asInt() + 1)));
            }
        }
        return values;
    }

    private static boolean isOfType(JsonNode value, String type) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("a schema type this test does not know: " + type);
        };
    }

    /** JSON pointers of every place in the schema that has {@code keyword}. */
    private static List<String> pointersOf(String keyword) {
        List<String> pointers = new ArrayList<>();
        collect(WaveSchema.document(), "", keyword, pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String pointer, String keyword, List<String> pointers) {
        if (node.isObject()) {
            // A keyword's value, not a property of that name ("properties": {"enum": ...} would be an object).
            JsonNode value = node.get(keyword);
            if (value != null && (value.isTextual() || value.isArray())) {
                pointers.add(pointer);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), keyword,
                        pointers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, keyword, pointers);
            }
        }
    }

    private static String pathOf(String location, String field) {
        return location.isEmpty() ? field : location + "." + field;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    /**
     * One kind of object the parser reads.
     *
     * @param pointer          where the schema describes it, a JSON pointer ({@code ""} for the top level)
     * @param parserFieldsName the constant that lists its fields, for messages
     * @param parserFields     the fields the parser knows there
     * @param locations        where {@code every-field-wave.json} holds one, as parser paths
     */
    record WaveObject(String pointer, String parserFieldsName, List<String> parserFields, List<String> locations) {

        WaveObject(String pointer, String parserFieldsName, List<String> parserFields, String... locations) {
            this("#" + pointer, parserFieldsName, parserFields, List.of(locations));
        }

        JsonNode schema() {
            return WaveSchema.document().at(pointer.substring(1));
        }

        Set<String> schemaProperties() {
            Set<String> names = new LinkedHashSet<>();
            schema().path("properties").fieldNames().forEachRemaining(names::add);
            return names;
        }

        /** The first of the locations whose object has the field, or null. */
        String locationHolding(String field) {
            ObjectNode wave = SampleWave.everyField();
            return locations.stream().filter(location -> SampleWave.get(wave, location).has(field)).findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return pointer + " (" + parserFieldsName + ")";
        }
    }

    /**
     * A rule of the parser that no JSON Schema states.
     *
     * @param rule    what the rule is and why the schema cannot say it
     * @param breakIt a change to the every-field wave that breaks it
     */
    record BeyondTheSchema(String rule, Consumer<ObjectNode> breakIt) {

        @Override
        public String toString() {
            return rule;
        }
    }

    /**
     * The keywords of a subschema, following its {@code $ref}: the subschema's own keywords win over
     * those of the definition it refers to ({@code description} beside a {@code $ref}, say).
     */
    record Keywords(List<JsonNode> chain) {

        static Keywords of(JsonNode schema) {
            List<JsonNode> chain = new ArrayList<>();
            JsonNode current = schema;
            while (current != null && !current.isMissingNode()) {
                chain.add(current);
                JsonNode ref = current.get("$ref");
                current = ref == null ? null : WaveSchema.document().at(ref.asText().substring(1));
            }
            return new Keywords(chain);
        }

        JsonNode get(String keyword) {
            return chain.stream().filter(node -> node.has(keyword)).map(node -> node.get(keyword)).findFirst()
                    .orElse(null);
        }

        /** The subschema under {@code keyword} when it is a schema object, or null. */
        Keywords subschema(String keyword) {
            JsonNode subschema = get(keyword);
            return subschema != null && subschema.isObject() ? of(subschema) : null;
        }

        /** The JSON type: the {@code type} keyword, or that of the enum's values. */
        String type() {
            JsonNode type = get("type");
            if (type != null) {
                return type.asText();
            }
            JsonNode allowed = get("enum");
            return allowed != null && allowed.get(0).isTextual() ? "string" : null;
        }
    }
}
