package dev.ferry.local.cloud.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a path-style request is about: {@code /bucket/key}, {@code /bucket} or {@code /}. Virtual-hosted addresses
 * ({@code bucket.host/key}) are not read: the SDK and the CLI address an endpoint that is an IP address by path.
 *
 * @param bucket the bucket, empty for the service itself
 * @param key    the key, empty for the bucket itself
 */
record S3Address(String bucket, String key) {

    /** The address of a raw (still percent-encoded) path. */
    static S3Address of(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        return slash < 0
                ? new S3Address(decode(path), "")
                : new S3Address(decode(path.substring(0, slash)), decode(path.substring(slash + 1)));
    }

    boolean isService() {
        return bucket.isEmpty();
    }

    boolean isBucket() {
        return !bucket.isEmpty() && key.isEmpty();
    }

    /** Percent-decoding only: a {@code +} in a path is a plus sign, not the space it is in a form. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
