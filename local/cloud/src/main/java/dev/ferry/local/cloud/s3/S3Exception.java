package dev.ferry.local.cloud.s3;

/**
 * An S3 error: its HTTP status, code and message, and the bucket or key it is about, which S3 names in an element of
 * its own ({@code BucketName}, {@code Key}) next to the message.
 */
final class S3Exception extends RuntimeException {

    private final int status;
    private final String code;
    private final String resourceElement;
    private final String resource;

    private S3Exception(int status, String code, String message, String resourceElement, String resource) {
        super(message);
        this.status = status;
        this.code = code;
        this.resourceElement = resourceElement;
        this.resource = resource;
    }

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist", "BucketName", bucket);
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.", "Key", key);
    }

    static S3Exception invalidArgument(String message) {
        return new S3Exception(400, "InvalidArgument", message, null, null);
    }

    static S3Exception incompleteBody(String message) {
        return new S3Exception(400, "IncompleteBody", message, null, null);
    }

    static S3Exception missingDecodedLength() {
        return new S3Exception(411, "MissingContentLength",
                "An aws-chunked body needs the x-amz-decoded-content-length header", null, null);
    }

    static S3Exception notImplemented(String operation) {
        return new S3Exception(501, "NotImplemented", "The local cloud's S3 answers PutObject, GetObject, HeadObject and"
                + " ListObjectsV2 on its existing buckets, not " + operation, null, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The element naming the bucket or key, e.g. {@code Key}; null when the error is about neither. */
    String resourceElement() {
        return resourceElement;
    }

    String resource() {
        return resource;
    }
}
