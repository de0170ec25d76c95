package dev.ferry.network;

/** The wave's key is not a public key EC2 can import (or is a private key, which Ferry refuses). */
public class InvalidPublicKeyException extends RuntimeException {

    public InvalidPublicKeyException(String message) {
        super(message);
    }
}
