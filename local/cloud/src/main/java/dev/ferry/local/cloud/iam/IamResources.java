package dev.ferry.local.cloud.iam;

import java.util.List;

/**
 * What exists in IAM before the rehearsal starts.
 *
 * @param roles            roles with their attached managed policies
 * @param instanceProfiles instance profiles, each with one of the roles
 */
public record IamResources(List<RoleSpec> roles, List<InstanceProfileSpec> instanceProfiles) {

    /** An account with no roles and no instance profiles. */
    public static final IamResources NONE = new IamResources(List.of(), List.of());

    public IamResources {
        roles = List.copyOf(roles);
        instanceProfiles = List.copyOf(instanceProfiles);
    }
}
