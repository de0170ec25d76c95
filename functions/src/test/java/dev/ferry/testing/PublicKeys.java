package dev.ferry.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Fresh OpenSSH public keys for tests; the private halves are thrown away at once. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** A new RSA public key in OpenSSH form: {@code ssh-rsa <base64> <comment>}. */
    public static String newRsa(String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
                writeMpint(out, key.getPublicExponent());
                writeMpint(out, key.getModulus());
            }
            return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray()) + " " + comment;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMpint(DataOutputStream out, BigInteger value) throws IOException {
        writeString(out, value.toByteArray());
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
