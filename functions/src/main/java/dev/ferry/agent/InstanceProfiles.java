package dev.ferry.agent;

import java.util.Optional;
import java.util.Set;

/**
 * What Ferry reads and changes about the IAM identity of source instances: IAM (global) and the
 * EC2 instance profile association (source region). Nothing here creates users or access keys.
 */
public interface InstanceProfiles {

    /** The instance profile with this ARN, when it exists. */
    Optional<InstanceProfile> instanceProfile(String instanceProfileArn);

    /** The ARNs of the managed policies attached to the role. */
    Set<String> attachedPolicyArns(String roleName);

    /** Attaches a managed policy to the role; attaching it again changes nothing. */
    void attachPolicy(String roleName, String policyArn);

    /**
     * Gives the instance this instance profile; giving it the profile it already has changes nothing.
     *
     * @throws InstanceProfileConflictException when the instance has another profile
     */
    void associate(String instanceId, String instanceProfileArn);
}
