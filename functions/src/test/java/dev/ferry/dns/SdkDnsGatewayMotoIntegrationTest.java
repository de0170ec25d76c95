package dev.ferry.dns;

import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration test: a whole DNS switch planned by {@link DnsShiftPlan} and applied through
 * {@link SdkDnsGateway} to a hosted zone of a real moto server (Route 53 emulator). Skipped when
 * moto_server is not installed (see {@link MotoServer}). moto applies a change at once and
 * answers INSYNC to every GetChange, so no wait is ever needed here.
 */
class SdkDnsGatewayMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static Route53Client route53;
    static final List<Duration> SLEPT = new ArrayList<>();
    static SdkDnsGateway dns;

    @BeforeAll
    static void connect() {
        route53 = MOTO.client(Route53Client.builder());
        dns = new SdkDnsGateway(route53, SLEPT::add, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void disconnect() {
        route53.close();
    }

    @Test
    void theTtlIsLoweredAtWaveStartAndTheOriginalIsKept() {
        String zone = zoneWithSimpleRecord("198.51.100.7", 86_400);
        DnsSwitchSpec spec = spec(zone, List.of(100));

        DnsShiftPlan atWaveStart = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), null);
        dns.awaitInSync(dns.submit(zone, atWaveStart.lowerTtl(), "Ferry w-1: lower TTL"), Duration.ofMinutes(5));

        assertThat(atWaveStart.originalTtl()).isEqualTo(86_400);
        assertThat(dns.recordSets(zone, RECORD, "A")).singleElement().satisfies(record -> {
            assertThat(record.weighted()).isFalse();
            assertThat(record.ttl()).isEqualTo(60);
            assertThat(record.values()).containsExactly("198.51.100.7");
        });
        assertThat(SLEPT).isEmpty();
    }

    @Test
    void eachStepMovesTheWeightsAndTheEndRestoresTheOriginalTtl() {
        String zone = zoneWithSimpleRecord("198.51.100.7", 86_400);
        DnsSwitchSpec spec = spec(zone, List.of(10, 50, 100));
        long original = lowerTtl(zone, spec);

        List<List<Object>> weightsAfterEachStep = new ArrayList<>();
        for (int step = 0; step < spec.targetPercentSteps().size(); step++) {
            DnsShiftPlan plan = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), original);
            dns.submit(zone, plan.steps().get(step).changes(), "Ferry w-1: step " + step);
            weightsAfterEachStep.add(weights(zone));
        }
        DnsShiftPlan last = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), original);
        DnsShiftDecision end = last.next(2, true);
        dns.submit(zone, ((DnsShiftDecision.Finish) end).restoreTtl(), "Ferry w-1: restore TTL");

        assertThat(weightsAfterEachStep).containsExactly(
                List.of("source", 90L, 60L, "target", 10L, 60L),
                List.of("source", 50L, 60L, "target", 50L, 60L),
                List.of("source", 0L, 60L, "target", 100L, 60L));
        assertThat(dns.recordSets(zone, RECORD, "A"))
                .extracting(DnsRecordSet::setIdentifier, DnsRecordSet::weight, DnsRecordSet::ttl, DnsRecordSet::values)
                .containsExactlyInAnyOrder(
                        tuple("source", 0L, 86_400L, List.of("198.51.100.7")),
                        tuple("target", 100L, 86_400L, List.of("203.0.113.9")));
    }

    @Test
    void aFailedCheckSendsEverythingBackToTheSource() {
        String zone = zoneWithSimpleRecord("198.51.100.7", 3_600);
        DnsSwitchSpec spec = spec(zone, List.of(10, 100));
        long original = lowerTtl(zone, spec);
        DnsShiftPlan plan = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), original);
        dns.submit(zone, plan.steps().getFirst().changes(), "Ferry w-1: step 0");

        DnsShiftPlan afterStep = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), original);
        DnsShiftDecision decision = afterStep.next(0, false);
        dns.submit(zone, ((DnsShiftDecision.RollBack) decision).rollback(), "Ferry w-1: roll back");

        assertThat(weights(zone)).containsExactly("source", 100L, 3_600L, "target", 0L, 3_600L);
    }

    @Test
    void submittingTheSameStepTwiceLeavesTheSameRecords() {
        String zone = zoneWithSimpleRecord("198.51.100.7", 300);
        DnsSwitchSpec spec = spec(zone, List.of(50, 100));
        DnsShiftPlan plan = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), null);
        dns.submit(zone, plan.steps().getFirst().changes(), "Ferry w-1: step 0");
        List<Object> once = weights(zone);

        DnsShiftPlan replanned = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), plan.originalTtl());
        dns.submit(zone, replanned.steps().getFirst().changes(), "Ferry w-1: step 0 again");

        assertThat(weights(zone)).isEqualTo(once).containsExactly("source", 50L, 60L, "target", 50L, 60L);
    }

    private static final String RECORD = "media.example.com";

    private static DnsSwitchSpec spec(String zone, List<Integer> steps) {
        return new DnsSwitchSpec(zone, RECORD, "A", "source", "target", 60, steps, Duration.ofMinutes(5),
                List.of("203.0.113.9"), null);
    }

    private static long lowerTtl(String zone, DnsSwitchSpec spec) {
        DnsShiftPlan plan = DnsShiftPlan.of(spec, dns.recordSets(zone, RECORD, "A"), null);
        dns.submit(zone, plan.lowerTtl(), "Ferry w-1: lower TTL");
        return plan.originalTtl();
    }

    private static String zoneWithSimpleRecord(String address, long ttl) {
        String zone = route53.createHostedZone(create -> create.name("example.com")
                .callerReference(UUID.randomUUID().toString())).hostedZone().id();
        route53.changeResourceRecordSets(change -> change.hostedZoneId(zone).changeBatch(batch -> batch.changes(
                c -> c.action("CREATE").resourceRecordSet(set -> set.name(RECORD).type(RRType.A).ttl(ttl)
                        .resourceRecords(r -> r.value(address))))));
        return zone;
    }

    /** Set identifier, weight and TTL of each weighted set, sorted by identifier. */
    private static List<Object> weights(String zone) {
        List<Object> weights = new ArrayList<>();
        dns.recordSets(zone, RECORD, "A").stream()
                .sorted(Comparator.comparing(DnsRecordSet::setIdentifier))
                .forEach(set -> {
                    weights.add(set.setIdentifier());
                    weights.add(set.weight());
                    weights.add(set.ttl());
                });
        return weights;
    }
}
