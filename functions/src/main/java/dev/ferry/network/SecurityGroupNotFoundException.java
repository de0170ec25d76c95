package dev.ferry.network;

/** A security group a source instance uses, or a copy Ferry has just made, is not listed by EC2. */
public class SecurityGroupNotFoundException extends RuntimeException {

    public SecurityGroupNotFoundException(String message) {
        super(message);
    }
}
