package dev.ferry.agent;

/**
 * An IAM instance profile and the role it passes to its instance.
 *
 * @param arn      the profile's ARN
 * @param name     the profile's name
 * @param roleName its role, or null when it has none
 */
public record InstanceProfile(String arn, String name, String roleName) {
}
