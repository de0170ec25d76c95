package dev.ferry.network;

/**
 * A key pair of the target region. EC2 keeps only the public key; Ferry never sees a private key.
 *
 * @param keyName     its name
 * @param keyPairId   its ID
 * @param fingerprint EC2's fingerprint of the public key
 */
public record TargetKeyPair(String keyName, String keyPairId, String fingerprint) {
}
