package dev.ferry.dns;

import java.util.List;

/** What follows a step's check. */
public sealed interface DnsShiftDecision {

    /** The check passed and steps remain: submit the next one. */
    record Continue(DnsStep next) implements DnsShiftDecision {
    }

    /** The check after the last step passed: submit these changes to restore the TTL. */
    record Finish(List<DnsChange> restoreTtl) implements DnsShiftDecision {
        public Finish {
            restoreTtl = List.copyOf(restoreTtl);
        }
    }

    /** The check failed: submit these changes to send everything back to the source, then stop. */
    record RollBack(List<DnsChange> rollback) implements DnsShiftDecision {
        public RollBack {
            rollback = List.copyOf(rollback);
        }
    }
}
