package dev.ferry.local.cloud.s3;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One object as PutObject left it. S3 keeps the time of an object to the second, so {@code lastModified} is
 * truncated to seconds: a Last-Modified header and a listing then show the same instant.
 *
 * @param bytes        the content, owned by this record (never handed out without a copy)
 * @param contentType  the Content-Type it was put with, or S3's {@code binary/octet-stream}
 * @param etag         the quoted MD5 hex of the content, as S3 gives for an object put in one part
 * @param lastModified when it was put
 */
record StoredObject(byte[] bytes, String contentType, String etag, Instant lastModified) {

    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    /** The object {@code bytes} make when put at {@code now}; {@code bytes} must not be changed afterwards. */
    static StoredObject of(byte[] bytes, String contentType, Instant now) {
        return new StoredObject(bytes, contentType == null ? DEFAULT_CONTENT_TYPE : contentType, '"' + md5Hex(bytes) + '"',
                now.truncatedTo(ChronoUnit.SECONDS));
    }

    int size() {
        return bytes.length;
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
