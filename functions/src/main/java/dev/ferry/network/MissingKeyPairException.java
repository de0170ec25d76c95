package dev.ferry.network;

/** The launch key pair is not in the target region and the wave gives no public key to import. */
public class MissingKeyPairException extends RuntimeException {

    public MissingKeyPairException(String message) {
        super(message);
    }
}
