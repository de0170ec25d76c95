package dev.ferry.dns;

import dev.ferry.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The exact Route 53 requests {@link SdkDnsGateway} sends, how it reads answers, and how it waits. */
@ExtendWith(MockitoExtension.class)
class SdkDnsGatewayTest {

    @Mock
    Route53Client route53;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();

    private SdkDnsGateway gateway() {
        return new SdkDnsGateway(route53, duration -> {
            slept.add(duration);
            clock.advance(duration);
        }, clock);
    }

    @Test
    void aPendingChangeIsAskedAgainAfterEachPollIntervalUntilInSync() {
        when(route53.getChange(any(GetChangeRequest.class))).thenReturn(change(ChangeStatus.PENDING),
                change(ChangeStatus.PENDING), change(ChangeStatus.INSYNC));

        gateway().awaitInSync("C1", Duration.ofMinutes(2));

        assertThat(slept).containsExactly(SdkDnsGateway.POLL_INTERVAL, SdkDnsGateway.POLL_INTERVAL);
    }

    @Test
    void aChangeStillPendingAtTheDeadlineFailsAfterWaitingNoLonger() {
        when(route53.getChange(any(GetChangeRequest.class))).thenReturn(change(ChangeStatus.PENDING));

        assertThatThrownBy(() -> gateway().awaitInSync("C1", Duration.ofSeconds(12)))
                .isInstanceOf(DnsChangeTimeoutException.class)
                .hasMessageContaining("C1");
        assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void aClockThatStandsStillCannotMakeTheWaitEndless() {
        when(route53.getChange(any(GetChangeRequest.class))).thenReturn(change(ChangeStatus.PENDING));
        SdkDnsGateway frozenClock = new SdkDnsGateway(route53, slept::add, clock);

        assertThatThrownBy(() -> frozenClock.awaitInSync("C1", Duration.ofSeconds(12)))
                .isInstanceOf(DnsChangeTimeoutException.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void recordSetsAreReadFromTheRecordOnAndStopAtTheNextName() {
        when(route53.listResourceRecordSets(any(ListResourceRecordSetsRequest.class))).thenReturn(
                ListResourceRecordSetsResponse.builder().isTruncated(true).nextRecordName("media.example.com.")
                        .nextRecordType("A").nextRecordIdentifier("target")
                        .resourceRecordSets(set("media.example.com.", "A", "source", 90L)).build(),
                ListResourceRecordSetsResponse.builder().isTruncated(true).nextRecordName("www.example.com.")
                        .nextRecordType("A")
                        .resourceRecordSets(set("media.example.com.", "A", "target", 10L),
                                set("media.example.com.", "TXT", null, null)).build());

        List<DnsRecordSet> found = gateway().recordSets("Z1", "Media.Example.com", "A");

        assertThat(found).extracting(DnsRecordSet::setIdentifier, DnsRecordSet::weight)
                .containsExactly(tuple("source", 90L),
                        tuple("target", 10L));
        ArgumentCaptor<ListResourceRecordSetsRequest> asked = ArgumentCaptor.forClass(ListResourceRecordSetsRequest.class);
        verify(route53, times(2)).listResourceRecordSets(asked.capture());
        assertThat(asked.getAllValues().getFirst().startRecordName()).isEqualTo("media.example.com.");
        assertThat(asked.getAllValues().get(1).startRecordIdentifier()).isEqualTo("target");
    }

    @Test
    void changesAreSubmittedAsOneBatchAndTheChangeIdIsReturnedWithoutItsPrefix() {
        when(route53.changeResourceRecordSets(any(ChangeResourceRecordSetsRequest.class))).thenReturn(
                ChangeResourceRecordSetsResponse.builder().changeInfo(ChangeInfo.builder().id("/change/C42").build()).build());
        DnsRecordSet simple = new DnsRecordSet("media.example.com", "A", null, null, 60L, List.of("198.51.100.7"), null, null);

        String id = gateway().submit("Z1", List.of(DnsChange.delete(simple),
                DnsChange.upsert(simple.asWeighted("source", 100, 60L))), "Ferry w-1: step 0");

        assertThat(id).isEqualTo("C42");
        ArgumentCaptor<ChangeResourceRecordSetsRequest> sent = ArgumentCaptor.forClass(ChangeResourceRecordSetsRequest.class);
        verify(route53).changeResourceRecordSets(sent.capture());
        assertThat(sent.getValue().hostedZoneId()).isEqualTo("Z1");
        assertThat(sent.getValue().changeBatch().comment()).isEqualTo("Ferry w-1: step 0");
        assertThat(sent.getValue().changeBatch().changes()).satisfiesExactly(
                delete -> {
                    assertThat(delete.actionAsString()).isEqualTo("DELETE");
                    assertThat(delete.resourceRecordSet().setIdentifier()).isNull();
                },
                upsert -> {
                    assertThat(upsert.actionAsString()).isEqualTo("UPSERT");
                    assertThat(upsert.resourceRecordSet().setIdentifier()).isEqualTo("source");
                    assertThat(upsert.resourceRecordSet().weight()).isEqualTo(100L);
                    assertThat(upsert.resourceRecordSet().ttl()).isEqualTo(60L);
                    assertThat(upsert.resourceRecordSet().resourceRecords()).singleElement()
                            .satisfies(record -> assertThat(record.value()).isEqualTo("198.51.100.7"));
                });
    }

    @Test
    void aRefusedBatchIsATypedFailureWithRoute53sReasons() {
        when(route53.changeResourceRecordSets(any(ChangeResourceRecordSetsRequest.class))).thenThrow(
                InvalidChangeBatchException.builder().messages("Tried to delete resource record set but it was not found")
                        .build());

        assertThatThrownBy(() -> gateway().submit("Z1", List.of(), "c"))
                .isInstanceOf(DnsChangeRejectedException.class)
                .hasMessageContaining("not found");
    }

    private static GetChangeResponse change(ChangeStatus status) {
        return GetChangeResponse.builder().changeInfo(ChangeInfo.builder().id("C1").status(status).build()).build();
    }

    private static ResourceRecordSet set(String name, String type, String identifier, Long weight) {
        return ResourceRecordSet.builder().name(name).type(type).setIdentifier(identifier).weight(weight).ttl(60L)
                .resourceRecords(record -> record.value("198.51.100.7")).build();
    }
}
