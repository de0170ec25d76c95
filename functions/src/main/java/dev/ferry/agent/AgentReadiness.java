package dev.ferry.agent;

import java.util.List;

/**
 * Whether the agent can be installed on a source instance now, and if not, why and what Ferry may do.
 *
 * @param instanceId the source instance
 * @param status     ready, fixable by Ferry, or blocked
 * @param reasons    why it is not ready, one sentence each naming the instance; empty when ready
 * @param fixes      what Ferry may do about it; empty unless {@link Status#FIXABLE}
 */
public record AgentReadiness(String instanceId, Status status, List<String> reasons, List<AgentFix> fixes) {

    public AgentReadiness {
        reasons = List.copyOf(reasons);
        fixes = List.copyOf(fixes);
    }

    /** Where an instance stands. */
    public enum Status {
        /** SSM-managed and its role has the MGN policy: install now. */
        READY,
        /** Every reason has a fix the wave allows: apply the fixes, then check again. */
        FIXABLE,
        /** Some reason needs a person. */
        BLOCKED
    }

    /** The reasons in one line, for reports. */
    public String summary() {
        return String.join("; ", reasons);
    }
}
