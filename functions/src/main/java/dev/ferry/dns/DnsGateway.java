package dev.ferry.dns;

import java.time.Duration;
import java.util.List;

/** The Route 53 operations of the DNS switch. */
public interface DnsGateway {

    /** Every record set of that name and type in the hosted zone: a simple record, or weighted sets. */
    List<DnsRecordSet> recordSets(String hostedZoneId, String recordName, String type);

    /**
     * Applies the changes as one atomic change batch and returns the change ID.
     *
     * @throws DnsChangeRejectedException when Route 53 refuses the batch
     */
    String submit(String hostedZoneId, List<DnsChange> changes, String comment);

    /** Whether the change has reached every Route 53 name server. */
    boolean inSync(String changeId);

    /**
     * Waits until the change is in sync.
     *
     * @throws DnsChangeTimeoutException when it is not within {@code timeout}
     */
    void awaitInSync(String changeId, Duration timeout);
}
