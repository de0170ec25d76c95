package dev.ferry.local.cloud.route53;

import dev.ferry.dns.AliasTarget;
import dev.ferry.dns.DnsChange;
import dev.ferry.dns.DnsChangeRejectedException;
import dev.ferry.dns.DnsChangeTimeoutException;
import dev.ferry.dns.DnsRecordSet;
import dev.ferry.dns.DnsShiftPlan;
import dev.ferry.dns.DnsSwitchSpec;
import dev.ferry.dns.SdkDnsGateway;
import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.engine.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The simulated Route 53 driven by the controller's own {@link SdkDnsGateway} and the AWS SDK's
 * Route 53 client over HTTP, on a virtual clock.
 */
class Route53SimulatorTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String RECORD = "media.example.com.";
    private static final String SOURCE_ADDRESS = "198.51.100.7";
    private static final String TARGET_ADDRESS = "203.0.113.9";

    private final VirtualClock clock = new VirtualClock(START);
    private final List<Duration> slept = new ArrayList<>();
    private Route53Simulator simulator;
    private LocalCloudServer server;
    private Route53Client route53;
    private SdkDnsGateway dns;

    @BeforeEach
    void start() throws Exception {
        startWith(Duration.ZERO);
    }

    @AfterEach
    void stop() {
        route53.close();
        server.close();
    }

    @Test
    void aSimpleRecordIsFoundByItsNameInAnyCaseWithOrWithoutTheFinalDot() {
        List<DnsRecordSet> found = dns.recordSets(ZONE, "Media.Example.COM", "A");

        assertThat(found).singleElement().satisfies(record -> {
            assertThat(record.name()).isEqualTo(RECORD);
            assertThat(record.ttl()).isEqualTo(86_400);
            assertThat(record.values()).containsExactly(SOURCE_ADDRESS);
            assertThat(record.weighted()).isFalse();
        });
    }

    @Test
    void loweringTheTtlChangesOnlyTheTtlAndTheHistoryKeepsIt() {
        DnsShiftPlan plan = DnsShiftPlan.of(spec(List.of(100)), dns.recordSets(ZONE, RECORD, "A"), null);

        dns.submit(ZONE, plan.lowerTtl(), "Ferry w-1: lower TTL");

        assertThat(dns.recordSets(ZONE, RECORD, "A")).singleElement().satisfies(record -> {
            assertThat(record.ttl()).isEqualTo(60);
            assertThat(record.values()).containsExactly(SOURCE_ADDRESS);
        });
        assertThat(simulator.changes()).singleElement().satisfies(change -> {
            assertThat(change.comment()).isEqualTo("Ferry w-1: lower TTL");
            assertThat(change.submittedAt()).isEqualTo(START);
            assertThat(change.recordSetsAfter()).extracting(RecordSet::ttl).containsExactly(60L);
        });
    }

    @Test
    void eachStepTurnsTheRecordIntoWeightedSetsWithTheStepsWeights() {
        DnsSwitchSpec spec = spec(List.of(10, 100));
        DnsShiftPlan first = DnsShiftPlan.of(spec, dns.recordSets(ZONE, RECORD, "A"), null);
        dns.submit(ZONE, first.steps().get(0).changes(), "Ferry w-1: step 0");
        clock.advanceBy(Duration.ofMinutes(10));
        DnsShiftPlan second = DnsShiftPlan.of(spec, dns.recordSets(ZONE, RECORD, "A"), first.originalTtl());

        dns.submit(ZONE, second.steps().get(1).changes(), "Ferry w-1: step 1");

        assertThat(dns.recordSets(ZONE, RECORD, "A"))
                .extracting(DnsRecordSet::setIdentifier, DnsRecordSet::weight, DnsRecordSet::ttl, DnsRecordSet::values)
                .containsExactly(tuple("source", 0L, 60L, List.of(SOURCE_ADDRESS)),
                        tuple("target", 100L, 60L, List.of(TARGET_ADDRESS)));
        assertThat(simulator.changes()).extracting(Route53Change::submittedAt, change -> change.weightOf("source"),
                        change -> change.weightOf("target"))
                .containsExactly(tuple(START, 90L, 10L), tuple(START.plus(Duration.ofMinutes(10)), 0L, 100L));
    }

    @Test
    void aChangeIsInSyncAtTheFirstGetChangeWhenNothingPropagates() {
        String changeId = dns.submit(ZONE, List.of(DnsChange.upsert(simpleRecord(300))), "lower");

        dns.awaitInSync(changeId, Duration.ofMinutes(2));

        assertThat(slept).isEmpty();
        assertThat(route53.getChange(r -> r.id(changeId)).changeInfo().statusAsString()).isEqualTo("INSYNC");
    }

    @Test
    void aChangeIsPendingUntilThePropagationTimeHasPassedOnTheVirtualClock() throws Exception {
        stop();
        startWith(Duration.ofSeconds(30));
        String changeId = dns.submit(ZONE, List.of(DnsChange.upsert(simpleRecord(300))), "lower");

        boolean atOnce = dns.inSync(changeId);
        dns.awaitInSync(changeId, Duration.ofMinutes(2));

        assertThat(atOnce).isFalse();
        assertThat(slept).hasSize(6).allSatisfy(pause -> assertThat(pause).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void aChangeThatDoesNotPropagateInTimeTimesOut() throws Exception {
        stop();
        startWith(Duration.ofMinutes(5));
        String changeId = dns.submit(ZONE, List.of(DnsChange.upsert(simpleRecord(300))), "lower");

        assertThatThrownBy(() -> dns.awaitInSync(changeId, Duration.ofMinutes(2)))
                .isInstanceOf(DnsChangeTimeoutException.class);
    }

    @Test
    void creatingARecordSetThatExistsRefusesTheWholeBatch() {
        assertThatThrownBy(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(ZONE).changeBatch(b -> b.changes(
                        c -> c.action(ChangeAction.UPSERT).resourceRecordSet(recordSet("new.example.com", 60)),
                        c -> c.action(ChangeAction.CREATE).resourceRecordSet(recordSet("Media.Example.com", 60))))))
                .isInstanceOfSatisfying(InvalidChangeBatchException.class, e -> assertThat(e.messages()).containsExactly(
                        "Tried to create resource record set [name='media.example.com.', type='A'] but it already exists"));

        assertThat(dns.recordSets(ZONE, "new.example.com", "A")).isEmpty();
        assertThat(simulator.changes()).isEmpty();
    }

    @Test
    void aDeleteThatDoesNotRepeatTheRecordExactlyIsRefusedWithRoute53sReason() {
        DnsRecordSet target = new DnsRecordSet(RECORD, "A", "target", 0L, 60L, List.of(TARGET_ADDRESS), null, null);

        assertThatThrownBy(() -> dns.submit(ZONE, List.of(DnsChange.delete(simpleRecord(300)), DnsChange.upsert(target)),
                "step 0"))
                .isInstanceOf(DnsChangeRejectedException.class)
                .hasMessageContaining("Tried to delete resource record set [name='media.example.com.', type='A'] but the "
                        + "values provided do not match the current values");
        assertThat(dns.recordSets(ZONE, RECORD, "A")).singleElement().satisfies(record -> assertThat(record.weighted()).isFalse());
    }

    @Test
    void deletingARecordSetThatIsNotThereIsRefused() {
        DnsRecordSet absent = new DnsRecordSet(RECORD, "A", "target", 0L, 60L, List.of(TARGET_ADDRESS), null, null);

        assertThatThrownBy(() -> dns.submit(ZONE, List.of(DnsChange.delete(absent)), "clean up"))
                .isInstanceOf(DnsChangeRejectedException.class)
                .hasMessageContaining("set-identifier='target'] but it was not found");
    }

    @Test
    void aWeightedSetCannotJoinASimpleRecordOfTheSameNameAndType() {
        DnsRecordSet target = new DnsRecordSet(RECORD, "A", "target", 0L, 60L, List.of(TARGET_ADDRESS), null, null);

        assertThatThrownBy(() -> dns.submit(ZONE, List.of(DnsChange.upsert(target)), "step 0"))
                .isInstanceOf(DnsChangeRejectedException.class)
                .hasMessageContaining("cannot be created as a non-weighted set exists with the same name and type");
    }

    @Test
    void aSetIdentifierWithoutAWeightIsInvalidInput() {
        assertThatThrownBy(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(ZONE).changeBatch(b -> b.changes(
                        c -> c.action(ChangeAction.UPSERT).resourceRecordSet(recordSet(RECORD, 60).toBuilder()
                                .setIdentifier("target").build())))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("Missing field 'Weight'"));
    }

    @Test
    void aRecordSetWithoutTtlIsInvalidInput() {
        assertThatThrownBy(() -> route53.changeResourceRecordSets(r -> r.hostedZoneId(ZONE).changeBatch(b -> b.changes(
                        c -> c.action(ChangeAction.UPSERT).resourceRecordSet(recordSet(RECORD, 60).toBuilder()
                                .ttl(null).build())))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAliasTargetNeedsNoTtl() {
        DnsSwitchSpec toLoadBalancer = new DnsSwitchSpec(ZONE, RECORD, "A", "source", "target", 60, List.of(100),
                Duration.ofMinutes(10), List.of(), new AliasTarget("Z215JYRZR1TBD5", "media-lb-1.eu-central-1.elb.amazonaws.com", true));
        DnsShiftPlan plan = DnsShiftPlan.of(toLoadBalancer, dns.recordSets(ZONE, RECORD, "A"), null);

        dns.submit(ZONE, plan.steps().getFirst().changes(), "step 0");

        assertThat(dns.recordSets(ZONE, RECORD, "A")).filteredOn(record -> "target".equals(record.setIdentifier()))
                .singleElement().satisfies(record -> {
                    assertThat(record.ttl()).isNull();
                    assertThat(record.alias().dnsName()).isEqualTo("media-lb-1.eu-central-1.elb.amazonaws.com.");
                    assertThat(record.weight()).isEqualTo(100);
                });
    }

    @Test
    void anUnknownHostedZoneIsNotFound() {
        assertThatThrownBy(() -> dns.recordSets("Z9999999999", RECORD, "A"))
                .isInstanceOfSatisfying(NoSuchHostedZoneException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aHostedZoneCountsItsRecordSetsWithTheNsAndSoaRoute53Adds() {
        GetHostedZoneResponse zone = route53.getHostedZone(r -> r.id(ZONE));

        assertThat(zone.hostedZone().name()).isEqualTo("example.com.");
        assertThat(zone.hostedZone().resourceRecordSetCount()).isEqualTo(5);
        assertThat(zone.delegationSet().nameServers()).hasSize(4);
    }

    @Test
    void recordSetsArePagedInRoute53sOrderWithTheLabelsReversed() {
        List<String> listed = route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(ZONE).maxItems("2"))
                .resourceRecordSets().stream().map(set -> set.name() + " " + set.typeAsString()).toList();

        assertThat(listed).containsExactly("example.com. NS", "example.com. SOA", "api.example.com. A",
                "media.example.com. A", "www.example.com. CNAME");
    }

    private void startWith(Duration propagation) throws Exception {
        simulator = new Route53Simulator(clock, new Route53Environment(propagation, List.of(new HostedZoneSpec(ZONE,
                "example.com", List.of(RecordSet.simple("www.example.com", "CNAME", 300, List.of(RECORD)),
                RecordSet.simple(RECORD, "A", 86_400, List.of(SOURCE_ADDRESS)),
                RecordSet.simple("api.example.com", "A", 300, List.of("198.51.100.8")))))));
        server = LocalCloudServer.start(0, List.of(simulator));
        route53 = pointedAt(Route53Client.builder(), server, Region.EU_CENTRAL_1).build();
        dns = new SdkDnsGateway(route53, pause -> {
            slept.add(pause);
            clock.advanceBy(pause);
        }, clock);
    }

    private static DnsSwitchSpec spec(List<Integer> steps) {
        return new DnsSwitchSpec(ZONE, RECORD, "A", "source", "target", 60, steps, Duration.ofMinutes(10),
                List.of(TARGET_ADDRESS), null);
    }

    private static DnsRecordSet simpleRecord(long ttl) {
        return new DnsRecordSet(RECORD, "A", null, null, ttl, List.of(SOURCE_ADDRESS), null, null);
    }

    private static ResourceRecordSet recordSet(String name, long ttl) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(ttl)
                .resourceRecords(r -> r.value(SOURCE_ADDRESS)).build();
    }
}
