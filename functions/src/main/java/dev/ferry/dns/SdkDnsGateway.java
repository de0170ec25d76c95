package dev.ferry.dns;

import dev.ferry.retry.Sleeper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DnsGateway} on the Route 53 client. Waiting for a change polls GetChange through the
 * injected {@link Sleeper} and {@link Clock}, so tests and the rehearsal never sleep for real.
 */
public class SdkDnsGateway implements DnsGateway {

    /** Route 53 usually propagates a change within a minute. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SdkDnsGateway.class);
    private static final String CHANGE_ID_PREFIX = "/change/";

    private final Route53Client route53;
    private final Sleeper sleeper;
    private final Clock clock;

    public SdkDnsGateway(Route53Client route53, Sleeper sleeper, Clock clock) {
        this.route53 = route53;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public List<DnsRecordSet> recordSets(String hostedZoneId, String recordName, String type) {
        String name = DnsRecordSet.normalName(recordName);
        List<DnsRecordSet> found = new ArrayList<>();
        // Record sets come sorted by name and type from the start given: read until they pass ours.
        ListResourceRecordSetsRequest request = ListResourceRecordSetsRequest.builder()
                .hostedZoneId(hostedZoneId)
                .startRecordName(name)
                .startRecordType(type)
                .build();
        while (true) {
            ListResourceRecordSetsResponse response = route53.listResourceRecordSets(request);
            for (ResourceRecordSet set : response.resourceRecordSets()) {
                DnsRecordSet record = record(set);
                if (!record.name().equals(name) || !record.type().equalsIgnoreCase(type)) {
                    return found;
                }
                found.add(record);
            }
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return found;
            }
            request = request.toBuilder()
                    .startRecordName(response.nextRecordName())
                    .startRecordType(response.nextRecordTypeAsString())
                    .startRecordIdentifier(response.nextRecordIdentifier())
                    .build();
        }
    }

    @Override
    public String submit(String hostedZoneId, List<DnsChange> changes, String comment) {
        try {
            String id = route53.changeResourceRecordSets(ChangeResourceRecordSetsRequest.builder()
                            .hostedZoneId(hostedZoneId)
                            .changeBatch(batch -> batch
                                    .comment(comment)
                                    .changes(changes.stream().map(SdkDnsGateway::change).toList()))
                            .build())
                    .changeInfo()
                    .id();
            return id.startsWith(CHANGE_ID_PREFIX) ? id.substring(CHANGE_ID_PREFIX.length()) : id;
        } catch (InvalidChangeBatchException e) {
            List<String> reasons = e.messages() == null || e.messages().isEmpty() ? List.of(e.getMessage()) : e.messages();
            throw new DnsChangeRejectedException("Route 53 refused the change of zone " + hostedZoneId + ": "
                    + String.join("; ", reasons), e);
        }
    }

    @Override
    public boolean inSync(String changeId) {
        return route53.getChange(GetChangeRequest.builder().id(changeId).build()).changeInfo().status() == ChangeStatus.INSYNC;
    }

    @Override
    public void awaitInSync(String changeId, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        // Counted as well as read from the clock: a clock that stands still (the rehearsal's virtual
        // clock during an invocation) must not make the wait endless.
        Duration slept = Duration.ZERO;
        while (!inSync(changeId)) {
            Duration byClock = Duration.between(clock.instant(), deadline);
            Duration bySleeping = timeout.minus(slept);
            Duration left = byClock.compareTo(bySleeping) < 0 ? byClock : bySleeping;
            if (left.isNegative() || left.isZero()) {
                throw new DnsChangeTimeoutException("Route 53 change " + changeId + " was not in sync after " + timeout);
            }
            Duration pause = left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL;
            LOG.debug("Route 53 change {} is pending; checking again in {}", changeId, pause);
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DnsChangeTimeoutException("Interrupted while waiting for Route 53 change " + changeId);
            }
            slept = slept.plus(pause);
        }
    }

    private static DnsRecordSet record(ResourceRecordSet set) {
        AliasTarget alias = set.aliasTarget() == null ? null : new AliasTarget(set.aliasTarget().hostedZoneId(),
                set.aliasTarget().dnsName(), Boolean.TRUE.equals(set.aliasTarget().evaluateTargetHealth()));
        return new DnsRecordSet(set.name(), set.typeAsString(), set.setIdentifier(), set.weight(), set.ttl(),
                set.resourceRecords().stream().map(ResourceRecord::value).toList(), alias, set.healthCheckId());
    }

    private static Change change(DnsChange change) {
        DnsRecordSet record = change.record();
        ResourceRecordSet.Builder set = ResourceRecordSet.builder()
                .name(record.name())
                .type(record.type())
                .setIdentifier(record.setIdentifier())
                .weight(record.weight())
                .ttl(record.ttl())
                .healthCheckId(record.healthCheckId());
        if (record.alias() != null) {
            set.aliasTarget(alias -> alias
                    .hostedZoneId(record.alias().hostedZoneId())
                    .dnsName(record.alias().dnsName())
                    .evaluateTargetHealth(record.alias().evaluateTargetHealth()));
        } else {
            set.resourceRecords(record.values().stream().map(value -> ResourceRecord.builder().value(value).build()).toList());
        }
        return Change.builder()
                .action(change.action() == DnsChange.Action.UPSERT ? ChangeAction.UPSERT : ChangeAction.DELETE)
                .resourceRecordSet(set.build())
                .build();
    }
}
