package dev.ferry.local.cloud.ec2;

/**
 * A key pair that exists before the rehearsal starts, as the environment file gives it.
 *
 * @param keyName   its name
 * @param publicKey its public key, in OpenSSH or RFC 4716 form
 */
public record KeyPairSpec(String keyName, String publicKey) {
}
