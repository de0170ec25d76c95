package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.http.LocalRequest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which S3 operation a request calls, told as S3 tells it: by method, by whether it addresses the service, a bucket
 * or an object, and by its sub-resource (a query parameter such as {@code ?uploads}) or header (such as
 * {@code x-amz-copy-source}). Only the name is needed: the simulator answers four operations and refuses the others
 * by name, so that an unsupported call says what it was rather than being taken for one of the four.
 */
final class S3Operation {

    static final String PUT_OBJECT = "PutObject";
    static final String GET_OBJECT = "GetObject";
    static final String HEAD_OBJECT = "HeadObject";
    static final String LIST_OBJECTS_V2 = "ListObjectsV2";

    /** Parameters of a bucket listing: they do not make a plain GET of a bucket another operation. */
    private static final Set<String> LISTING = Set.of("list-type", "prefix", "delimiter", "max-keys", "encoding-type",
            "marker", "continuation-token", "start-after", "fetch-owner");

    private enum Level { SERVICE, BUCKET, OBJECT }

    /**
     * @param marker the query parameter or header that makes the operation, or null for the plain call without
     *               a sub-resource
     */
    private record Rule(String method, Level level, String marker, String name) {
    }

    /** First match wins, so a rule with a marker comes before the plain rule of its method and level. */
    private static final List<Rule> RULES = List.of(
            new Rule("GET", Level.SERVICE, null, "ListBuckets"),
            new Rule("GET", Level.BUCKET, "list-type", LIST_OBJECTS_V2),
            new Rule("GET", Level.BUCKET, "location", "GetBucketLocation"),
            new Rule("GET", Level.BUCKET, "versioning", "GetBucketVersioning"),
            new Rule("GET", Level.BUCKET, "versions", "ListObjectVersions"),
            new Rule("GET", Level.BUCKET, "uploads", "ListMultipartUploads"),
            new Rule("GET", Level.BUCKET, "policy", "GetBucketPolicy"),
            new Rule("GET", Level.BUCKET, "acl", "GetBucketAcl"),
            new Rule("GET", Level.BUCKET, "tagging", "GetBucketTagging"),
            new Rule("GET", Level.BUCKET, null, "ListObjects"),
            new Rule("HEAD", Level.BUCKET, null, "HeadBucket"),
            new Rule("PUT", Level.BUCKET, null, "CreateBucket"),
            new Rule("DELETE", Level.BUCKET, null, "DeleteBucket"),
            new Rule("POST", Level.BUCKET, "delete", "DeleteObjects"),
            new Rule("GET", Level.OBJECT, "uploadId", "ListParts"),
            new Rule("GET", Level.OBJECT, "tagging", "GetObjectTagging"),
            new Rule("GET", Level.OBJECT, "acl", "GetObjectAcl"),
            new Rule("GET", Level.OBJECT, "attributes", "GetObjectAttributes"),
            new Rule("GET", Level.OBJECT, "range", "GetObject with a Range"),
            new Rule("GET", Level.OBJECT, null, GET_OBJECT),
            new Rule("HEAD", Level.OBJECT, "range", "HeadObject with a Range"),
            new Rule("HEAD", Level.OBJECT, null, HEAD_OBJECT),
            new Rule("PUT", Level.OBJECT, "partNumber", "UploadPart"),
            new Rule("PUT", Level.OBJECT, "x-amz-copy-source", "CopyObject"),
            new Rule("PUT", Level.OBJECT, "tagging", "PutObjectTagging"),
            new Rule("PUT", Level.OBJECT, "acl", "PutObjectAcl"),
            new Rule("PUT", Level.OBJECT, null, PUT_OBJECT),
            new Rule("DELETE", Level.OBJECT, "uploadId", "AbortMultipartUpload"),
            new Rule("DELETE", Level.OBJECT, "tagging", "DeleteObjectTagging"),
            new Rule("DELETE", Level.OBJECT, null, "DeleteObject"),
            new Rule("POST", Level.OBJECT, "uploads", "CreateMultipartUpload"),
            new Rule("POST", Level.OBJECT, "uploadId", "CompleteMultipartUpload"),
            new Rule("POST", Level.OBJECT, "restore", "RestoreObject"));

    private S3Operation() {
    }

    /**
     * The operation's name, e.g. {@code PutObject}; for a request none of the rules knows, its method, path and
     * query parameter names, e.g. {@code PUT /reports?versioning}.
     */
    static String of(LocalRequest request, S3Address address) {
        Level level = address.isService() ? Level.SERVICE : address.isBucket() ? Level.BUCKET : Level.OBJECT;
        Set<String> parameters = new TreeSet<>(LocalRequest.parseForm(request.query()).keySet());
        boolean plain = level == Level.BUCKET ? LISTING.containsAll(parameters) : parameters.isEmpty();
        return RULES.stream()
                .filter(rule -> rule.method().equals(request.method()) && rule.level() == level)
                .filter(rule -> rule.marker() == null
                        ? plain
                        : parameters.contains(rule.marker()) || request.header(rule.marker()).isPresent())
                .map(Rule::name)
                .findFirst()
                .orElseGet(() -> request.method() + " " + request.path()
                        + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
    }
}
