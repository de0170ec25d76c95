package dev.ferry.agent;

/** A change Ferry may make so that a source instance becomes eligible for agent installation. */
public sealed interface AgentFix {

    /** Attach an AWS managed policy to the instance's existing role. */
    record AttachPolicy(String roleName, String policyArn) implements AgentFix {
    }

    /** Give an instance without a profile the profile the stack provides. */
    record AssociateInstanceProfile(String instanceId, String instanceProfileArn) implements AgentFix {
    }
}
