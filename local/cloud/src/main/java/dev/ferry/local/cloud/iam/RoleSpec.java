package dev.ferry.local.cloud.iam;

import java.util.List;

/**
 * An IAM role that exists before the rehearsal starts, as the environment file gives it.
 *
 * @param roleName           its name
 * @param attachedPolicyArns the managed policies attached to it
 */
public record RoleSpec(String roleName, List<String> attachedPolicyArns) {

    public RoleSpec {
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }
}
