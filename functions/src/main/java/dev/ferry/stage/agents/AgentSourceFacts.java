package dev.ferry.stage.agents;

import dev.ferry.agent.AgentFacts;
import dev.ferry.agent.InstanceProfile;
import dev.ferry.agent.InstanceProfiles;
import dev.ferry.agent.ManagedInstance;
import dev.ferry.agent.SsmCommands;
import dev.ferry.network.SourceEc2;
import dev.ferry.network.SourceInstance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What decides the eligibility of source instances for agent installation, read in one go for
 * every instance being checked: EC2 (platform, instance profile), SSM (managed and online), IAM
 * (the profile's role and its managed policies; each profile and role read once). Read before the
 * per-instance work starts, then only read from, by any number of threads.
 */
final class AgentSourceFacts {

    private final Map<String, SourceInstance> instances;
    private final Map<String, AgentFacts> facts;

    private AgentSourceFacts(Map<String, SourceInstance> instances, Map<String, AgentFacts> facts) {
        this.instances = Map.copyOf(instances);
        this.facts = Map.copyOf(facts);
    }

    static AgentSourceFacts read(SourceEc2 ec2, SsmCommands ssm, InstanceProfiles iam, Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return new AgentSourceFacts(Map.of(), Map.of());
        }
        Map<String, SourceInstance> instances = ec2.describeInstances(instanceIds);
        Map<String, ManagedInstance> managed = ssm.managedInstances(instanceIds);
        Map<String, Optional<InstanceProfile>> profiles = new HashMap<>();
        Map<String, Set<String>> rolePolicies = new HashMap<>();
        Map<String, AgentFacts> facts = new HashMap<>();
        for (SourceInstance instance : instances.values()) {
            String profileArn = instance.instanceProfileArn();
            String role = profileArn == null ? null
                    : profiles.computeIfAbsent(profileArn, iam::instanceProfile).map(InstanceProfile::roleName).orElse(null);
            Set<String> policies = role == null ? Set.of() : rolePolicies.computeIfAbsent(role, iam::attachedPolicyArns);
            ManagedInstance ssmView = managed.get(instance.instanceId());
            facts.put(instance.instanceId(), new AgentFacts(instance.instanceId(), ssmView != null && ssmView.online(),
                    profileArn, role, policies));
        }
        return new AgentSourceFacts(instances, facts);
    }

    /** The instance as EC2 describes it, when EC2 knows it. */
    Optional<SourceInstance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    /** The facts of an instance EC2 knows. */
    AgentFacts of(SourceInstance instance) {
        return facts.get(instance.instanceId());
    }
}
