package dev.ferry.local.cloud.ec2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A public key as EC2's ImportKeyPair reads it: OpenSSH's one line ({@code ssh-rsa AAAA... comment}) or RFC
 * 4716's armoured block, of the two types EC2 accepts, RSA and ED25519. Its fingerprint is EC2's for imported
 * keys: the MD5 of the key (RFC 4716, section 4) for RSA, the base64 SHA-256 of the key (OpenSSH's default) for
 * ED25519.
 *
 * @param type        {@code rsa} or {@code ed25519}, as EC2's {@code keyType}
 * @param fingerprint EC2's fingerprint of the key
 * @param openSsh     the key in OpenSSH form, without the comment
 */
public record OpenSshPublicKey(String type, String fingerprint, String openSsh) {

    private static final String RFC4716_BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    private static final String RFC4716_END = "---- END SSH2 PUBLIC KEY ----";
    private static final int ED25519_KEY_BYTES = 32;

    /** The key, or why EC2 would refuse it. */
    static OpenSshPublicKey parse(String text) {
        return read(text).orElseThrow(() -> new Ec2Exception("InvalidKeyPair.Format",
                "Key is not in valid OpenSSH public key format"));
    }

    /** The key, or empty when EC2 would refuse it. */
    public static Optional<OpenSshPublicKey> read(String text) {
        String trimmed = text == null ? "" : text.strip();
        String declaredType = null;
        String encoded;
        if (trimmed.startsWith(RFC4716_BEGIN)) {
            encoded = rfc4716Body(trimmed);
        } else {
            String[] fields = trimmed.split("\\s+");
            if (fields.length < 2) {
                return Optional.empty();
            }
            declaredType = fields[0];
            encoded = fields[1];
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return fromBlob(blob, declaredType);
    }

    private static Optional<OpenSshPublicKey> fromBlob(byte[] blob, String declaredType) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(blob);
            String wireType = new String(field(buffer), StandardCharsets.US_ASCII);
            if (declaredType != null && !declaredType.equals(wireType)) {
                return Optional.empty();
            }
            String openSsh = wireType + " " + Base64.getEncoder().encodeToString(blob);
            switch (wireType) {
                case "ssh-rsa" -> {
                    byte[] exponent = field(buffer);
                    byte[] modulus = field(buffer);
                    if (exponent.length == 0 || modulus.length == 0 || buffer.hasRemaining()) {
                        return Optional.empty();
                    }
                    return Optional.of(new OpenSshPublicKey("rsa", md5(blob), openSsh));
                }
                case "ssh-ed25519" -> {
                    if (field(buffer).length != ED25519_KEY_BYTES || buffer.hasRemaining()) {
                        return Optional.empty();
                    }
                    return Optional.of(new OpenSshPublicKey("ed25519", sha256(blob), openSsh));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException truncated) {
            return Optional.empty();
        }
    }

    /** One length-prefixed string of SSH's wire format. */
    private static byte[] field(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("truncated key");
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }

    private static String rfc4716Body(String armoured) {
        StringBuilder body = new StringBuilder();
        boolean continuedHeader = false;
        for (String line : armoured.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.equals(RFC4716_BEGIN) || trimmed.equals(RFC4716_END)) {
                continue;
            }
            // A header is "Tag: value"; a line ending in a backslash continues it.
            if (continuedHeader || trimmed.contains(":")) {
                continuedHeader = trimmed.endsWith("\\");
                continue;
            }
            body.append(trimmed);
        }
        return body.toString();
    }

    private static String md5(byte[] blob) {
        StringJoiner hex = new StringJoiner(":");
        for (byte b : digest("MD5", blob)) {
            hex.add(HexFormat.of().toHexDigits(b));
        }
        return hex.toString();
    }

    private static String sha256(byte[] blob) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", blob));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks " + algorithm, e);
        }
    }
}
