package dev.ferry.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the replication agent can be installed on an EC2 source without keys: the
 * instance must be managed by SSM (Run Command delivers the installer) and its instance profile's
 * role must carry {@value ManagedPolicies#MGN_EC2_INSTANCE} (the installer registers with it).
 * When something is missing it says why, and which fixes the wave allows: attaching the managed
 * policies to the instance's existing role, or giving an instance without a profile the profile
 * the stack provides. It never proposes to replace a profile a person chose. Pure.
 */
public final class AgentEligibility {

    private AgentEligibility() {
    }

    public static AgentReadiness assess(AgentFacts facts, AgentFixPolicy policy) {
        Findings findings = new Findings();
        String instance = facts.instanceId();
        String partition = ManagedPolicies.partitionOf(facts.instanceProfileArn() != null
                ? facts.instanceProfileArn()
                : policy.providedInstanceProfileArn());

        if (facts.instanceProfileArn() == null) {
            AgentFix associate = policy.providedInstanceProfileArn() == null
                    ? null
                    : new AgentFix.AssociateInstanceProfile(instance, policy.providedInstanceProfileArn());
            findings.add(instance + " has no instance profile", associate);
            if (!facts.ssmOnline()) {
                // The stack's profile carries the SSM policy: once given, the SSM Agent registers.
                findings.add(instance + " is not managed by SSM", associate);
            }
        } else if (facts.roleName() == null) {
            findings.add("instance profile " + facts.instanceProfileArn() + " of " + instance
                    + " has no role (or no longer exists)", null);
        } else {
            String role = facts.roleName();
            boolean mayAttach = policy.attachPoliciesToExistingRole();
            if (!ManagedPolicies.includes(facts.rolePolicyArns(), ManagedPolicies.MGN_EC2_INSTANCE)) {
                findings.add("role " + role + " of " + instance + " lacks " + ManagedPolicies.MGN_EC2_INSTANCE,
                        mayAttach ? attach(role, partition, ManagedPolicies.MGN_EC2_INSTANCE) : null);
            }
            if (!facts.ssmOnline()) {
                if (ManagedPolicies.includes(facts.rolePolicyArns(), ManagedPolicies.SSM_MANAGED_INSTANCE_CORE)) {
                    findings.add(instance + " is not managed by SSM although role " + role + " has "
                            + ManagedPolicies.SSM_MANAGED_INSTANCE_CORE
                            + ": the SSM Agent is not running or cannot reach Systems Manager", null);
                } else {
                    findings.add(instance + " is not managed by SSM: role " + role + " lacks "
                                    + ManagedPolicies.SSM_MANAGED_INSTANCE_CORE,
                            mayAttach ? attach(role, partition, ManagedPolicies.SSM_MANAGED_INSTANCE_CORE) : null);
                }
            }
        }
        return findings.readiness(instance);
    }

    private static AgentFix attach(String role, String partition, String policyName) {
        return new AgentFix.AttachPolicy(role, ManagedPolicies.arn(partition, policyName));
    }

    /** Reasons, each with the fix the wave allows or none. */
    private static final class Findings {

        private final List<String> reasons = new ArrayList<>();
        private final Set<AgentFix> fixes = new LinkedHashSet<>();
        private boolean blocked;

        void add(String reason, AgentFix fix) {
            reasons.add(reason);
            if (fix == null) {
                blocked = true;
            } else {
                fixes.add(fix);
            }
        }

        AgentReadiness readiness(String instanceId) {
            if (reasons.isEmpty()) {
                return new AgentReadiness(instanceId, AgentReadiness.Status.READY, List.of(), List.of());
            }
            // A blocked instance is left as it is: changing IAM for it would not make it ready.
            return blocked
                    ? new AgentReadiness(instanceId, AgentReadiness.Status.BLOCKED, reasons, List.of())
                    : new AgentReadiness(instanceId, AgentReadiness.Status.FIXABLE, reasons, List.copyOf(fixes));
        }
    }
}
