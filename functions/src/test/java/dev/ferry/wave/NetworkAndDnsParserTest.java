package dev.ferry.wave;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code network} and {@code dns} sections of a wave definition. */
class NetworkAndDnsParserTest {

    private static final String PRIVATE_KEY_TEXT = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END "
            + "OPENSSH PRIVATE KEY-----";

    @Test
    void aWaveWithoutTheNewSectionsHasNeither() {
        WaveDefinition wave = WaveFiles.parse("start-wave.json");

        assertThat(wave.network()).isNull();
        assertThat(wave.dns()).isNull();
    }

    @Test
    void aNetworkWithOnlyAKeyPairNeedsNoSourceRegion() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("network").putObject("keyPair").put("name", "ops-key");

        NetworkSettings network = WaveDefinitionParser.parse(wave).network();

        assertThat(network.derivesFromSource()).isFalse();
        assertThat(network.keyPair()).isEqualTo(new NetworkSettings.KeyPair("ops-key", null));
    }

    @Test
    void aSubnetMapNeedsTheSourceRegionToReadTheSourceInstancesIn() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("network").putObject("subnetByAvailabilityZone").put("us-east-1a", "subnet-0f1e2d3c4b5a69788");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).containsExactly(
                        "sourceRegion: is required when network derives launch settings from the source instances "
                                + "(recreateSecurityGroups or subnetByAvailabilityZone)"));
    }

    @Test
    void aPrivateKeyIsRefusedWithoutBeingRepeatedInTheMessage() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("network").putObject("keyPair").put("name", "ops-key").put("publicKey", PRIVATE_KEY_TEXT);

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> {
                    assertThat(refused.getMessage()).contains("network.keyPair.publicKey: is a PRIVATE key");
                    assertThat(refused.getMessage()).doesNotContain("b3BlbnNzaC1rZXktdjE");
                });
    }

    @Test
    void somethingElseThanAnOpenSshPublicKeyIsRefused() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("network").putObject("keyPair").put("name", "ops-key").put("publicKey", "not a key");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.getMessage()).contains("network.keyPair.publicKey: is not an OpenSSH "
                        + "public key").doesNotContain("not a key"));
    }

    @Test
    void theDnsSwitchTakesItsDefaultsForWhatTheWaveLeavesOut() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        ObjectNode dns = wave.putObject("dns");
        dns.putArray("records").addObject().put("hostedZoneId", "Z0123456789ABCDEFGHIJ").put("name", "app.example.com")
                .put("type", "CNAME").putArray("targetValues").add("app.eu-central-1.example.com");
        dns.putObject("healthCheck").put("url", "https://app.example.com/health");

        DnsSettings settings = WaveDefinitionParser.parse(wave).dns();

        assertThat(settings.lowerTtlTo()).isEqualTo(60);
        assertThat(settings.steps()).containsExactly(100);
        assertThat(settings.pauseMinutes()).isEqualTo(5);
        assertThat(settings.healthCheck().expectStatus()).isEqualTo(200);
        assertThat(settings.records().getFirst().sourceSetIdentifier()).isEqualTo("ferry-source");
        assertThat(settings.records().getFirst().targetSetIdentifier()).isEqualTo("ferry-target");
    }

    @Test
    void aRecordMayPointTheTargetAtAnAlias() {
        ObjectNode wave = WaveFiles.read("wave-with-network-and-dns.json");
        ObjectNode record = (ObjectNode) wave.get("dns").get("records").get(0);
        record.remove("targetValues");
        record.putObject("targetAlias").put("hostedZoneId", "Z215JYRZR1TBD5")
                .put("dnsName", "media-lb-123.eu-central-1.elb.amazonaws.com").put("evaluateTargetHealth", true);

        DnsSettings.DnsRecord parsed = WaveDefinitionParser.parse(wave).dns().records().getFirst();

        assertThat(parsed.targetValues()).isEmpty();
        assertThat(parsed.targetAlias()).isEqualTo(new DnsSettings.TargetAlias("Z215JYRZR1TBD5",
                "media-lb-123.eu-central-1.elb.amazonaws.com", true));
    }

    @Test
    void aDnsSectionWithoutRecordsOrHealthCheckIsRefused() {
        ObjectNode wave = WaveFiles.read("minimal-wave.json");
        wave.putObject("dns");

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).containsExactly(
                        "dns.records: is required: the Route 53 records to move",
                        "dns.healthCheck: is required: an HTTP check that must pass before each next step"));
    }

    @Test
    void theSameRecordListedTwiceIsRefused() {
        ObjectNode wave = WaveFiles.read("wave-with-network-and-dns.json");
        ObjectNode copy = ((ObjectNode) wave.get("dns").get("records").get(0)).deepCopy();
        copy.put("name", "MEDIA.example.com.");
        ((ArrayNode) wave.get("dns").get("records")).add(copy);

        assertThatThrownBy(() -> WaveDefinitionParser.parse(wave)).isInstanceOfSatisfying(InvalidWaveException.class,
                refused -> assertThat(refused.problems()).extracting(ValidationProblem::line).containsExactly(
                        "dns.records[1]: MEDIA.example.com. A is listed twice (first as dns.records[0])"));
    }

    @Test
    void aParsedWaveWithBothSectionsSurvivesAJsonRoundTrip() throws Exception {
        WaveDefinition wave = WaveFiles.parse("wave-with-network-and-dns.json");

        WaveDefinition read = Json.mapper().readValue(Json.mapper().writeValueAsString(wave), WaveDefinition.class);

        assertThat(read).isEqualTo(wave);
        assertThat(read.servers()).hasSize(2);
        assertThat(read.dns().records()).extracting(DnsSettings.DnsRecord::targetValues)
                .containsExactly(List.of("198.51.100.20"));
    }
}
