package dev.ferry.quota;

import java.util.OptionalInt;

/** Where Ferry reads MGN's quota of source servers replicating at once in the account and region. */
@FunctionalInterface
public interface ReplicationQuota {

    /** The quota as applied to the account, or empty when it cannot be read (no permission, say). */
    OptionalInt replicatingServers();

    /** No source: every wave states its quota itself. */
    static ReplicationQuota unknown() {
        return OptionalInt::empty;
    }
}
