package dev.ferry.local.cloud.iam;

/**
 * An instance profile that exists before the rehearsal starts, with the role it carries.
 *
 * @param name     its name
 * @param roleName its role
 */
public record InstanceProfileSpec(String name, String roleName) {
}
