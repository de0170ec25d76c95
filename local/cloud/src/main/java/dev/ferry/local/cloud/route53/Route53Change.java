package dev.ferry.local.cloud.route53;

import java.time.Instant;
import java.util.List;

/**
 * One change batch Route 53 accepted, for tests and the rehearsal's report.
 *
 * @param changeId        its ID (without {@code /change/})
 * @param hostedZoneId    the zone it changed
 * @param comment         the batch's comment, or empty
 * @param submittedAt     when it was accepted
 * @param inSyncAt        when GetChange reports it INSYNC
 * @param actions         each change, e.g. {@code UPSERT media.example.com. A target}
 * @param recordSetsAfter every record set of the names and types it touched, as they were right after it
 */
public record Route53Change(String changeId, String hostedZoneId, String comment, Instant submittedAt,
                            Instant inSyncAt, List<String> actions, List<RecordSet> recordSetsAfter) {

    public Route53Change {
        actions = List.copyOf(actions);
        recordSetsAfter = List.copyOf(recordSetsAfter);
    }

    /** The weight of a weighted set right after the change, or null when it had none. */
    public Long weightOf(String setIdentifier) {
        return recordSetsAfter.stream().filter(set -> setIdentifier.equals(set.setIdentifier())).findFirst()
                .map(RecordSet::weight).orElse(null);
    }
}
