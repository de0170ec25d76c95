package dev.ferry.agent;

/**
 * What the wave allows Ferry to change on a source instance's IAM identity to make it eligible.
 *
 * @param attachPoliciesToExistingRole whether Ferry may attach the MGN (and SSM) managed
 *                                     policies to the role the instance already has
 * @param providedInstanceProfileArn   an instance profile (the stack's) Ferry may give an
 *                                     instance that has none, or null
 */
public record AgentFixPolicy(boolean attachPoliciesToExistingRole, String providedInstanceProfileArn) {

    /** Ferry changes nothing: every missing piece is a reason the instance is not eligible. */
    public static AgentFixPolicy none() {
        return new AgentFixPolicy(false, null);
    }
}
