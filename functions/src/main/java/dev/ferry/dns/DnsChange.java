package dev.ferry.dns;

/**
 * One change of a Route 53 change batch.
 *
 * @param action UPSERT (create or replace) or DELETE (which must name the record exactly as it is)
 * @param record the record set
 */
public record DnsChange(Action action, DnsRecordSet record) {

    /** What Route 53 does with the record set. */
    public enum Action {
        UPSERT,
        DELETE
    }

    public static DnsChange upsert(DnsRecordSet record) {
        return new DnsChange(Action.UPSERT, record);
    }

    public static DnsChange delete(DnsRecordSet record) {
        return new DnsChange(Action.DELETE, record);
    }
}
