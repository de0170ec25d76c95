package dev.ferry.local.cloud.route53;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code route53} section of an environment file: what it means, and every problem it can have. */
class Route53EnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();

    @Test
    void anEnvironmentWithoutTheSectionHasNoHostedZone() throws IOException {
        assertThat(read("{}")).isEqualTo(Route53Environment.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void theAgentAndDnsEnvironmentFileReadsAsWritten() throws IOException {
        JsonNode root = JSON.readTree(ProjectFolder.root().resolve("events/rehearsal/agent-and-dns-environment.json").toFile());

        Route53Environment environment = Route53Environment.fromJson(root, problems);

        assertThat(problems).isEmpty();
        assertThat(environment.propagation()).isEqualTo(Duration.ZERO);
        assertThat(environment.hostedZones()).singleElement().satisfies(zone -> {
            assertThat(zone.id()).isEqualTo("Z0123456789ABCDEFGHIJ");
            assertThat(zone.name()).isEqualTo("example.com.");
            assertThat(zone.recordSets()).containsExactly(
                    RecordSet.simple("media.example.com.", "A", 86_400, List.of("198.51.100.7")),
                    RecordSet.simple("www.example.com.", "CNAME", 300, List.of("media.example.com.")));
        });
    }

    @Test
    void namesAreReadInLowerCaseWithTheirFinalDot() throws IOException {
        Route53Environment environment = read("{'route53': {'hostedZones': [{'id': 'Z1', 'name': 'Example.COM', "
                + "'recordSets': [{'name': 'Media.Example.com', 'type': 'A', 'ttl': 60, 'values': ['198.51.100.7']}]}]}}");

        assertThat(problems).isEmpty();
        assertThat(environment.hostedZones().getFirst().name()).isEqualTo("example.com.");
        assertThat(environment.hostedZones().getFirst().recordSets().getFirst().name()).isEqualTo("media.example.com.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the section is not an object        | {'route53': 'example.com'}                                                  | route53: must be an object
            an unknown field                    | {'route53': {'hostedZones': [], 'zones': []}}                               | route53.zones: unknown field (expected one of propagationSeconds, hostedZones)
            a negative propagation time         | {'route53': {'hostedZones': [], 'propagationSeconds': -1}}                  | route53.propagationSeconds: must be a whole number from 0 to 86400
            no hosted zones                     | {'route53': {}}                                                             | route53.hostedZones: is required
            a zone ID of the wrong form         | {'route53': {'hostedZones': [{'id': 'z-1', 'name': 'example.com'}]}}        | route53.hostedZones[0].id: must be "Z" followed by up to 31 upper-case letters and digits, got "z-1"
            a zone twice                        | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com'}, {'id': 'Z1', 'name': 'example.org'}]}} | route53.hostedZones[1].id: duplicates another hosted zone's Z1
            a zone without name                 | {'route53': {'hostedZones': [{'id': 'Z1'}]}}                                | route53.hostedZones[0].name: is required
            a record outside its zone           | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.org', 'type': 'A', 'ttl': 60, 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].name: is not in the zone example.com.
            a record without type               | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'ttl': 60, 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].type: is required (one of A, AAAA, CNAME, TXT)
            a record type the rehearsal lacks   | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'MX', 'ttl': 60, 'values': ['10 mail.example.com']}]}]}} | route53.hostedZones[0].recordSets[0].type: must be one of A, AAAA, CNAME, TXT
            a set identifier without weight     | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'setIdentifier': 'source', 'ttl': 60, 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].weight: is required with a setIdentifier (a weighted set)
            a weight without set identifier     | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'weight': 100, 'ttl': 60, 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].setIdentifier: is required with a weight (a weighted set)
            a weight above 255                  | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'setIdentifier': 'source', 'weight': 256, 'ttl': 60, 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].weight: must be a whole number from 0 to 255
            a record without TTL                | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'values': ['198.51.100.7']}]}]}} | route53.hostedZones[0].recordSets[0].ttl: is required
            a record without values             | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'ttl': 60, 'values': []}]}]}} | route53.hostedZones[0].recordSets[0].values: must not be empty
            an A record that is no address      | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'ttl': 60, 'values': ['198.51.100']}]}]}} | route53.hostedZones[0].recordSets[0].values: Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '198.51.100''
            a record twice                      | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'ttl': 60, 'values': ['198.51.100.7']}, {'name': 'MEDIA.example.com.', 'type': 'A', 'ttl': 300, 'values': ['198.51.100.8']}]}]}} | route53.hostedZones[0].recordSets[1]: Tried to create resource record set [name='media.example.com.', type='A'] but it already exists
            a weighted set next to a simple one | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'ttl': 60, 'values': ['198.51.100.7']}, {'name': 'media.example.com', 'type': 'A', 'setIdentifier': 'target', 'weight': 0, 'ttl': 60, 'values': ['198.51.100.8']}]}]}} | route53.hostedZones[0].recordSets[1]: RRSet with DNS name media.example.com., type A, SetIdentifier target cannot be created as a non-weighted set exists with the same name and type.
            a CNAME next to another record      | {'route53': {'hostedZones': [{'id': 'Z1', 'name': 'example.com', 'recordSets': [{'name': 'media.example.com', 'type': 'A', 'ttl': 60, 'values': ['198.51.100.7']}, {'name': 'media.example.com', 'type': 'CNAME', 'ttl': 60, 'values': ['lb.example.com']}]}]}} | route53.hostedZones[0].recordSets[1]: RRSet of type CNAME with DNS name media.example.com. is not permitted as it conflicts with other records with the same DNS name
            """)
    void eachProblemIsReportedWithItsPath(String problem, String json, String expected) throws IOException {
        read(json);

        assertThat(problems).as(problem).containsExactly(expected);
    }

    private Route53Environment read(String json) throws IOException {
        return Route53Environment.fromJson(JSON.readTree(json.replace('\'', '"')), problems);
    }
}
