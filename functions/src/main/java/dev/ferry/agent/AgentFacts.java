package dev.ferry.agent;

import java.util.Set;

/**
 * What decides whether the agent can be installed on an EC2 source without keys.
 *
 * @param instanceId         the source instance
 * @param ssmOnline          whether Systems Manager manages it and it is online
 * @param instanceProfileArn its instance profile, or null when it has none
 * @param roleName           the role of that profile, or null (no profile, a profile without a
 *                           role, or a profile that no longer exists)
 * @param rolePolicyArns     the managed policies attached to that role
 */
public record AgentFacts(String instanceId, boolean ssmOnline, String instanceProfileArn, String roleName,
                         Set<String> rolePolicyArns) {

    public AgentFacts {
        rolePolicyArns = rolePolicyArns == null ? Set.of() : Set.copyOf(rolePolicyArns);
    }
}
