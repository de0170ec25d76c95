package dev.ferry.agent.testing;

import dev.ferry.agent.InstanceProfile;
import dev.ferry.agent.InstanceProfileConflictException;
import dev.ferry.agent.InstanceProfiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IAM instance profiles and roles in memory, with every change Ferry makes recorded. An instance's
 * profile association lives in the test's source EC2; this fake only records the association asked
 * for, and refuses it for an instance a test says already has another profile.
 */
public final class FakeInstanceProfiles implements InstanceProfiles {

    private final Map<String, InstanceProfile> profiles = new HashMap<>();
    private final Map<String, Set<String>> rolePolicies = new HashMap<>();
    private final Map<String, String> otherProfileOf = new HashMap<>();
    private final List<String> attached = new ArrayList<>();
    private final List<String> associated = new ArrayList<>();

    /** A profile with this role, which has these managed policies. */
    public synchronized FakeInstanceProfiles withProfile(String arn, String roleName, String... policyArns) {
        profiles.put(arn, new InstanceProfile(arn, arn.substring(arn.lastIndexOf('/') + 1), roleName));
        rolePolicies.put(roleName, new LinkedHashSet<>(List.of(policyArns)));
        return this;
    }

    /** The instance was given another profile meanwhile: associating one fails as EC2 would. */
    public synchronized FakeInstanceProfiles withOtherProfileOn(String instanceId, String arn) {
        otherProfileOf.put(instanceId, arn);
        return this;
    }

    /** Every policy attached, as {@code role <- policyArn}, in order. */
    public synchronized List<String> attached() {
        return List.copyOf(attached);
    }

    /** Every association asked for, as {@code instanceId <- profileArn}, in order. */
    public synchronized List<String> associated() {
        return List.copyOf(associated);
    }

    @Override
    public synchronized Optional<InstanceProfile> instanceProfile(String instanceProfileArn) {
        return Optional.ofNullable(profiles.get(instanceProfileArn));
    }

    @Override
    public synchronized Set<String> attachedPolicyArns(String roleName) {
        return Set.copyOf(rolePolicies.getOrDefault(roleName, Set.of()));
    }

    @Override
    public synchronized void attachPolicy(String roleName, String policyArn) {
        rolePolicies.computeIfAbsent(roleName, role -> new LinkedHashSet<>()).add(policyArn);
        attached.add(roleName + " <- " + policyArn);
    }

    @Override
    public synchronized void associate(String instanceId, String instanceProfileArn) {
        String other = otherProfileOf.get(instanceId);
        if (other != null && !other.equals(instanceProfileArn)) {
            throw new InstanceProfileConflictException("Instance " + instanceId + " already has instance profile "
                    + other + ", not " + instanceProfileArn, null);
        }
        associated.add(instanceId + " <- " + instanceProfileArn);
    }
}
