package dev.ferry.local.rehearsal.template;

import java.util.List;

/**
 * An instance profile the stack makes (such as the agent instance profile Ferry may give a source
 * instance), with its role and the role's managed policies, so the local cloud's IAM can hold it too.
 *
 * @param logicalId         the profile's logical ID, which is its name in the local cloud
 * @param roleLogicalId     its role's logical ID, which is the role's name in the local cloud
 * @param managedPolicyArns the role's managed policies, in the {@code aws} partition
 */
public record InstanceProfileDefinition(String logicalId, String roleLogicalId, List<String> managedPolicyArns) {

    public InstanceProfileDefinition {
        managedPolicyArns = List.copyOf(managedPolicyArns);
    }
}
