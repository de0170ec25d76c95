package dev.ferry.local.cloud.ec2;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** New OpenSSH RSA public keys for tests; their private halves are dropped at once. */
final class PublicKeys {

    private PublicKeys() {
    }

    /** {@code ssh-rsa <base64 of the SSH wire form> <comment>}. */
    static String newRsa(String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(wire)) {
                for (byte[] field : new byte[][]{"ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                        key.getPublicExponent().toByteArray(), key.getModulus().toByteArray()}) {
                    out.writeInt(field.length);
                    out.write(field);
                }
            }
            return "ssh-rsa " + Base64.getEncoder().encodeToString(wire.toByteArray()) + " " + comment;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
