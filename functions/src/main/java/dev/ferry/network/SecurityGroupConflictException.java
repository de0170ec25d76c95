package dev.ferry.network;

/**
 * The target VPC already has a security group with the name Ferry gives a copy, and it is not
 * tagged as Ferry's copy of that source group: a person must rename, tag or delete it.
 */
public class SecurityGroupConflictException extends RuntimeException {

    public SecurityGroupConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
