package dev.ferry.network;

import java.util.List;
import java.util.Optional;

/**
 * Decides how the launch key pair comes to exist in the target region: reused when a key pair of
 * that name is there, imported from the wave's public key otherwise. Ferry never generates a key
 * pair: that would leave it holding a private key. Pure.
 */
public final class KeyPairPlan {

    /** The public key formats EC2's ImportKeyPair accepts for the key types it supports. */
    private static final List<String> OPENSSH_PREFIXES = List.of("ssh-rsa ", "ssh-ed25519 ");
    private static final String RFC4716_BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";

    private KeyPairPlan() {
    }

    /**
     * @param keyName   the key pair the launch uses
     * @param existing  the key pair of that name in the target region, if any
     * @param publicKey the wave's public key, or null
     * @throws MissingKeyPairException when the key pair is missing and the wave gives no public key
     * @throws InvalidPublicKeyException when the key must be imported and is not a public key EC2 accepts
     */
    public static Decision decide(String keyName, Optional<TargetKeyPair> existing, String publicKey) {
        if (existing.isPresent()) {
            return new Decision.Reuse(existing.get());
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new MissingKeyPairException("Key pair " + keyName + " does not exist in the target region and the "
                    + "wave gives no public key to import; add the public key (never the private key) to the wave, "
                    + "or import the key pair by hand");
        }
        return new Decision.Import(keyName, checkedPublicKey(keyName, publicKey.strip()));
    }

    private static String checkedPublicKey(String keyName, String publicKey) {
        if (publicKey.contains("PRIVATE KEY")) {
            // Said without echoing any of it: the value must not reach a log or an error message.
            throw new InvalidPublicKeyException("The key given for key pair " + keyName + " is a PRIVATE key; "
                    + "give its public key (the .pub file) and keep the private key out of the wave");
        }
        boolean openSsh = OPENSSH_PREFIXES.stream().anyMatch(publicKey::startsWith);
        if (!openSsh && !publicKey.startsWith(RFC4716_BEGIN)) {
            throw new InvalidPublicKeyException("The public key given for key pair " + keyName
                    + " is not an OpenSSH (ssh-rsa, ssh-ed25519) or RFC 4716 public key");
        }
        return publicKey;
    }

    /** What to do about the key pair. */
    public sealed interface Decision {

        /** The key pair is there: use it as it is. */
        record Reuse(TargetKeyPair keyPair) implements Decision {
        }

        /** Import this public key under this name. */
        record Import(String keyName, String publicKey) implements Decision {
        }
    }
}
