package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.http.CredentialScope;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Amazon S3 in its REST-XML protocol, as much as the controller's report export and a user fetching the reports
 * need: PutObject, GetObject, HeadObject and ListObjectsV2 on the buckets the stack creates, which exist from the
 * start (there is no CreateBucket). A request is S3's when it is signed for the {@code s3} service, in any region;
 * it is addressed by path, {@code /bucket/key}, which is what the SDK and the CLI do for an endpoint that is an IP
 * address. Every other operation is refused with S3's {@code NotImplemented}, naming it. The objects live in
 * memory and are safe to put and read from the server's many threads; {@link #object} shows the rehearsal what was
 * stored.
 */
public final class S3Simulator implements LocalService {

    private static final String SERVICE = "s3";
    private static final String XML = "application/xml";
    /** An HTTP date (RFC 1123, with the day of the month in two digits), as S3's Last-Modified header. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<String, Bucket> buckets;

    /**
     * @param clock       when objects are put: the rehearsal's virtual clock
     * @param bucketNames the buckets, empty at the start
     */
    public S3Simulator(Clock clock, Collection<String> bucketNames) {
        this.clock = clock;
        Map<String, Bucket> byName = new LinkedHashMap<>();
        bucketNames.forEach(name -> byName.put(name, new Bucket(name)));
        this.buckets = Map.copyOf(byName);
    }

    @Override
    public boolean accepts(LocalRequest request) {
        return CredentialScope.of(request).filter(scope -> scope.service().equals(SERVICE)).isPresent();
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        S3Address address = S3Address.of(request.path());
        try {
            String operation = S3Operation.of(request, address);
            return switch (operation) {
                case S3Operation.PUT_OBJECT -> putObject(bucket(address), address.key(), request);
                case S3Operation.GET_OBJECT -> getObject(bucket(address), address.key(), true);
                case S3Operation.HEAD_OBJECT -> getObject(bucket(address), address.key(), false);
                case S3Operation.LIST_OBJECTS_V2 -> LocalResponse.of(200, XML,
                        ObjectListing.page(bucket(address), LocalRequest.parseForm(request.query())));
                default -> throw S3Exception.notImplemented(operation);
            };
        } catch (S3Exception e) {
            return error(e, request.method().equals("HEAD"));
        }
    }

    /** A copy of the object's content; empty when the bucket or the key does not exist. */
    public Optional<byte[]> object(String bucket, String key) {
        return Optional.ofNullable(buckets.get(bucket)).flatMap(found -> found.get(key))
                .map(stored -> stored.bytes().clone());
    }

    private LocalResponse putObject(Bucket bucket, String key, LocalRequest request) {
        StoredObject object = StoredObject.of(AwsChunkedBody.content(request), request.header("Content-Type").orElse(null),
                clock.instant());
        bucket.put(key, object);
        return new LocalResponse(200, Map.of("ETag", object.etag()), new byte[0]);
    }

    /** GetObject, or with {@code withBody} false HeadObject: the same headers, no content. */
    private static LocalResponse getObject(Bucket bucket, String key, boolean withBody) {
        StoredObject object = bucket.get(key).orElseThrow(() -> S3Exception.noSuchKey(key));
        Map<String, String> headers = Map.of(
                "Content-Type", object.contentType(),
                "Content-Length", Integer.toString(object.size()),
                "ETag", object.etag(),
                "Last-Modified", HTTP_DATE.format(object.lastModified()));
        return new LocalResponse(200, headers, withBody ? object.bytes() : new byte[0]);
    }

    private Bucket bucket(S3Address address) {
        return Optional.ofNullable(buckets.get(address.bucket()))
                .orElseThrow(() -> S3Exception.noSuchBucket(address.bucket()));
    }

    /** S3's error document; a HEAD answer has no body, so there the status alone tells the client. */
    private static LocalResponse error(S3Exception e, boolean head) {
        if (head) {
            return new LocalResponse(e.status(), Map.of(), new byte[0]);
        }
        XmlWriter xml = new XmlWriter().start("Error")
                .element("Code", e.code())
                .element("Message", e.getMessage());
        if (e.resourceElement() != null) {
            xml.element(e.resourceElement(), e.resource());
        }
        return LocalResponse.of(e.status(), XML, xml.element("RequestId", UUID.randomUUID()).endAll().toString());
    }
}
