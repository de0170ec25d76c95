package dev.ferry.stage;

import dev.ferry.agent.InstanceProfiles;

/** The IAM identity of the instances of a wave's source region (IAM is global, the association is regional). */
@FunctionalInterface
public interface InstanceProfileRegions {

    /** Instance profiles as seen by the instances of {@code region}, such as {@code us-east-1}. */
    InstanceProfiles in(String region);
}
