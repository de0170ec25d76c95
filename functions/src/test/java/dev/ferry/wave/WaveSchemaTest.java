package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ferry.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wave definition's JSON Schema on its own: a valid draft 2020-12 schema that a wave file may
 * name with {@code $schema}, and the rules between fields (conditions, counts, shapes checked in
 * code by the parser) on which it and the parser give the same verdict.
 */
class WaveSchemaTest {

    private static final String TOO_LONG_EMAIL = "a".repeat(243) + "@example.com"; // 255 characters

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(WaveSchema.document())).isEmpty();
        assertThat(WaveSchema.document().path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void aWaveFileNamingItsSchemaParsesAsIfItDidNot() {
        ObjectNode named = WaveFiles.read("minimal-wave.json");
        named.put("$schema", "../docs/wave-definition.schema.json");

        assertThat(WaveDefinitionParser.parse(named)).isEqualTo(WaveFiles.parse("minimal-wave.json"));
        assertThat(WaveSchema.complaints(named)).isEmpty();
    }

    @Test
    void aSchemaKeyThatIsNotAStringIsRefusedByBoth() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.put("$schema", 2020);

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line)
                        .containsExactly("$schema: must be a string, not the number 2020"));
        assertThat(WaveSchema.complaints(wave)).extracting(WaveSchema.Complaint::path).containsExactly("$schema");
    }

    @Test
    void aMisspeltSchemaKeyIsRefusedWithTheKeySuggested() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.put("$shema", "../docs/wave-definition.schema.json");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).singleElement()
                        .asString().startsWith("$shema: unknown field (did you mean \"$schema\"?)"));
        assertThat(WaveSchema.accepts(wave)).isFalse();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Conditions between fields.
                refused("a server named by neither ID", wave -> set(wave, "servers[1]", json("{\"name\": \"db\"}"))),
                refused("servers given by instance ID without a sourceRegion", wave -> wave.remove("sourceRegion")),
                refused("agentInstallation without a sourceRegion", minimal(wave -> {
                    wave.putObject("agentInstallation");
                })),
                refused("a subnet map without a sourceRegion", minimal(wave -> wave.putObject("network")
                        .putObject("subnetByAvailabilityZone").put("us-east-1a", "subnet-0f1e2d3c4b5a69788"))),
                accepted("an empty subnet map without a sourceRegion", minimal(wave -> wave.putObject("network")
                        .putObject("subnetByAvailabilityZone"))),
                refused("recreateSecurityGroups without targetVpcId", wave -> remove(wave, "network.targetVpcId")),
                accepted("no targetVpcId when security groups are not recreated", wave -> {
                    remove(wave, "network.targetVpcId");
                    set(wave, "network.recreateSecurityGroups", json("false"));
                }),
                refused("BASIC right-sizing beside an instanceType",
                        wave -> set(wave, "launch.rightSizing", json("\"BASIC\""))),
                refused("a server asking for BASIC under the wave's instanceType",
                        wave -> set(wave, "servers[1].launch", json("{\"rightSizing\": \"BASIC\"}"))),
                accepted("a server with its own instanceType under the wave's BASIC right-sizing", wave -> {
                    remove(wave, "launch.instanceType");
                    set(wave, "launch.rightSizing", json("\"BASIC\""));
                    set(wave, "servers[1].launch", json("{\"instanceType\": \"m5.large\"}"));
                }),
                accepted("BASIC right-sizing when the wave sets no instanceType", wave -> {
                    remove(wave, "launch.instanceType");
                    set(wave, "servers[1].launch", json("{\"rightSizing\": \"BASIC\"}"));
                }),
                refused("archiveAfterFinalize without finalizeCutover",
                        wave -> set(wave, "policies.finalizeCutover", json("false"))),
                accepted("finalizeCutover false without archiving", wave -> {
                    set(wave, "policies.finalizeCutover", json("false"));
                    set(wave, "policies.archiveAfterFinalize", json("false"));
                }),
                refused("an https:// check without serverName", wave -> remove(wave, "validation.http[1].serverName")),
                refused("an http:// check with a serverName",
                        wave -> set(wave, "validation.http[0].serverName", json("\"media.example.com\""))),
                refused("a DNS record with both targetValues and targetAlias",
                        wave -> set(wave, "dns.records[1].targetValues", json("[\"media.example.net\"]"))),
                refused("a DNS record with neither targetValues nor targetAlias",
                        wave -> remove(wave, "dns.records[0].targetValues")),
                refused("a CNAME record with two values", wave -> {
                    remove(wave, "dns.records[1].targetAlias");
                    set(wave, "dns.records[1].targetValues", json("[\"a.example.net\", \"b.example.net\"]"));
                }),
                accepted("a CNAME record with one host name", wave -> {
                    remove(wave, "dns.records[1].targetAlias");
                    set(wave, "dns.records[1].targetValues", json("[\"media.example.net\"]"));
                }),
                refused("an A record holding a host name",
                        wave -> set(wave, "dns.records[0].targetValues[0]", json("\"media.example.net\""))),
                refused("an A record holding an address past 255",
                        wave -> set(wave, "dns.records[0].targetValues[0]", json("\"10.0.0.256\""))),
                refused("an AAAA record holding an IPv4 address",
                        wave -> set(wave, "dns.records[0].type", json("\"AAAA\""))),
                accepted("an AAAA record holding an IPv6 address", wave -> {
                    set(wave, "dns.records[0].type", json("\"AAAA\""));
                    set(wave, "dns.records[0].targetValues[0]", json("\"2001:db8::20\""));
                }),
                refused("DNS steps that do not end at 100", wave -> set(wave, "dns.steps", json("[10, 50]"))),
                refused("DNS steps with a step twice", wave -> set(wave, "dns.steps", json("[50, 50, 100]"))),
                // Counts.
                accepted("1000 servers", wave -> set(wave, "servers", servers(1000))),
                refused("1001 servers", wave -> set(wave, "servers", servers(1001))),
                refused("51 DNS records", wave -> set(wave, "dns.records", records(51))),
                refused("17 security groups", wave -> set(wave, "launch.securityGroupIds", securityGroups(17))),
                accepted("16 security groups", wave -> set(wave, "launch.securityGroupIds", securityGroups(16))),
                refused("a security group listed twice", wave -> set(wave, "launch.securityGroupIds",
                        json("[\"sg-0123456789abcdef0\", \"sg-0123456789abcdef0\"]"))),
                refused("an approver listed twice", wave -> set(wave, "approvers[1]",
                        json("\"migration-lead@example.com\""))),
                accepted("50 tags", wave -> set(wave, "launch.tags", tags(50))),
                refused("51 tags", wave -> set(wave, "launch.tags", tags(51))),
                refused("a tag key with the reserved prefix in upper case",
                        wave -> set(wave, "launch.tags", json("{\"AWS:owner\": \"media\"}"))),
                accepted("a tag key that merely contains aws:",
                        wave -> set(wave, "launch.tags", json("{\"team-aws:owner\": \"media\"}"))),
                // Shapes the parser checks in code.
                refused("a 255-character email address", wave -> set(wave, "approvers[1]", text(TOO_LONG_EMAIL))),
                accepted("a 254-character email address",
                        wave -> set(wave, "approvers[1]", text(TOO_LONG_EMAIL.substring(1)))),
                refused("a blank server name", wave -> set(wave, "servers[0].name", json("\"   \""))),
                accepted("an http check URL with the highest port",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:65535/\""))),
                accepted("an http check URL with a port written with a leading zero",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:08080/\""))),
                accepted("an http check URL with a query and no path",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}?ready\""))),
                refused("an http check URL with a port past 65535",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:65536/\""))),
                refused("an http check URL with port 0",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:0/\""))),
                refused("an http check URL with an empty port",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:/\""))),
                refused("an http check URL whose port is not a number",
                        wave -> set(wave, "validation.http[0].url", json("\"http://{address}:web/\""))),
                refused("an http check URL with a scheme in upper case",
                        wave -> set(wave, "validation.http[0].url", json("\"HTTP://{address}/\""))),
                refused("a DNS health check URL naming the instance placeholder",
                        wave -> set(wave, "dns.healthCheck.url", json("\"https://{address}/health\""))),
                accepted("a public key with whitespace around it", wave -> set(wave, "network.keyPair.publicKey",
                        json("\"\\n ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ media-ops \\n\""))),
                refused("a public key that is only its type",
                        wave -> set(wave, "network.keyPair.publicKey", json("\"ssh-rsa \""))),
                refused("an ssh-dss key", wave -> set(wave, "network.keyPair.publicKey",
                        json("\"ssh-dss AAAAB3NzaC1kc3MAAACBAP media-ops\""))),
                refused("a private key pasted after the public one", wave -> set(wave, "network.keyPair.publicKey",
                        json("\"ssh-rsa AAAAB3NzaC1yc2E\\n-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n\""))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theParserAndTheSchemaGiveTheSameVerdict(Case example) {
        ObjectNode wave = SampleWave.everyField();
        example.edit().accept(wave);

        assertThat(parserProblems(wave)).as("the parser's problems with " + example.name())
                .matches(problems -> problems.isEmpty() == example.valid(), example.valid() ? "none" : "some");
        assertThat(WaveSchema.complaints(wave)).as("the schema's complaints about " + example.name())
                .matches(complaints -> complaints.isEmpty() == example.valid(), example.valid() ? "none" : "some");
    }

    // ----------------------------------------------------------------------------------------------

    private static List<String> parserProblems(JsonNode wave) {
        try {
            WaveDefinitionParser.parse(wave);
            return List.of();
        } catch (InvalidWaveException e) {
            return e.problems().stream().map(ValidationProblem::line).toList();
        }
    }

    private static Case refused(String name, Consumer<ObjectNode> edit) {
        return new Case(name, edit, false);
    }

    private static Case accepted(String name, Consumer<ObjectNode> edit) {
        return new Case(name, edit, true);
    }

    /** An edit of the minimal wave (one server by source server ID, no sourceRegion) instead of the every-field one. */
    private static Consumer<ObjectNode> minimal(Consumer<ObjectNode> edit) {
        return wave -> {
            wave.removeAll();
            wave.setAll(WaveFiles.read("minimal-wave.json"));
            edit.accept(wave);
        };
    }

    private static void set(ObjectNode wave, String path, JsonNode value) {
        SampleWave.set(wave, path, value);
    }

    private static void remove(ObjectNode wave, String path) {
        SampleWave.remove(wave, path);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode text(String value) {
        return Json.mapper().getNodeFactory().textNode(value);
    }

    /** {@code count} servers, each by a source server ID of its own. */
    private static ArrayNode servers(int count) {
        ArrayNode servers = Json.mapper().createArrayNode();
        for (int i = 0; i < count; i++) {
            servers.addObject().put("sourceServerId", "s-%017d".formatted(i));
        }
        return servers;
    }

    private static ArrayNode records(int count) {
        ArrayNode records = Json.mapper().createArrayNode();
        for (int i = 0; i < count; i++) {
            records.addObject().put("hostedZoneId", "Z0123456789ABCDEFGHIJ").put("name", "host" + i + ".example.com")
                    .put("type", "A").putArray("targetValues").add("198.51.100." + (i + 1));
        }
        return records;
    }

    private static ArrayNode securityGroups(int count) {
        ArrayNode groups = Json.mapper().createArrayNode();
        for (int i = 0; i < count; i++) {
            groups.add("sg-%017x".formatted(i));
        }
        return groups;
    }

    private static ObjectNode tags(int count) {
        ObjectNode tags = Json.mapper().createObjectNode();
        for (int i = 0; i < count; i++) {
            tags.put("Tag" + i, "value");
        }
        return tags;
    }

    /**
     * One wave the parser and the schema must judge alike.
     *
     * @param name  what is special about it
     * @param edit  the change to the every-field wave that makes it
     * @param valid whether both must accept it (or both refuse it)
     */
    record Case(String name, Consumer<ObjectNode> edit, boolean valid) {

        @Override
        public String toString() {
            return (valid ? "accepts " : "refuses ") + name;
        }
    }
}
