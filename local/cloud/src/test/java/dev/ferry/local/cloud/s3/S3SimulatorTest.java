package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.http.LocalCloudServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The simulated S3 driven by the AWS SDK's S3 client over HTTP, set up as the handlers set theirs up (an endpoint
 * on 127.0.0.1, the URL connection client, nothing S3-specific): the client addresses buckets by path by itself,
 * and sends its PutObject bodies aws-chunked, with signed chunks and a CRC32 trailer.
 */
class S3SimulatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00.250Z");
    private static final String BUCKET = "ferry-reports";

    private S3Simulator simulator;
    private LocalCloudServer server;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        simulator = new S3Simulator(Clock.fixed(NOW, ZoneOffset.UTC), List.of(BUCKET, "ferry-other"));
        server = LocalCloudServer.start(0, List.of(simulator));
        s3 = pointedAt(S3Client.builder(), server, Region.US_EAST_1).build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.close();
    }

    @Test
    void anObjectOfSeveralChunksComesBackAsItWasPut() {
        byte[] content = new byte[300 * 1024];
        new Random(7).nextBytes(content);

        PutObjectResponse put = s3.putObject(request -> request.bucket(BUCKET).key("w-1/report.bin")
                .contentType("application/octet-stream"), RequestBody.fromBytes(content));
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("w-1/report.bin"));

        assertThat(got.asByteArray()).isEqualTo(content);
        assertThat(simulator.object(BUCKET, "w-1/report.bin")).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(content));
        assertThat(put.eTag()).isEqualTo('"' + md5Hex(content) + '"');
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().contentLength()).isEqualTo(content.length);
        assertThat(got.response().contentType()).isEqualTo("application/octet-stream");
        assertThat(got.response().lastModified()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void aTextReportKeepsItsContentTypeAndAKeyWithSpacesAndPlusSignsIsKeptAsItIs() {
        String key = "w-1/cut over+notes (final).csv";
        s3.putObject(request -> request.bucket(BUCKET).key(key).contentType("text/csv"),
                RequestBody.fromString("server,state\nweb-1,CUTOVER\n"));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key));

        assertThat(got.asUtf8String()).isEqualTo("server,state\nweb-1,CUTOVER\n");
        assertThat(got.response().contentType()).isEqualTo("text/csv");
    }

    @Test
    void anEmptyObjectCanBePutAndRead() {
        s3.putObject(request -> request.bucket(BUCKET).key("empty"), RequestBody.empty());

        assertThat(s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("empty")).asByteArray()).isEmpty();
    }

    @Test
    void headObjectGivesTheSizeTypeAndETagWithoutTheContent() {
        PutObjectResponse put = s3.putObject(request -> request.bucket(BUCKET).key("w-1/summary.json")
                .contentType("application/json"), RequestBody.fromString("{\"wave\":\"w-1\"}"));

        HeadObjectResponse head = s3.headObject(request -> request.bucket(BUCKET).key("w-1/summary.json"));

        assertThat(head.contentLength()).isEqualTo(14);
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.eTag()).isEqualTo(put.eTag());
        assertThat(head.lastModified()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void putAgainReplacesTheObject() {
        s3.putObject(request -> request.bucket(BUCKET).key("w-1/report.csv"), RequestBody.fromString("first"));
        PutObjectResponse second = s3.putObject(request -> request.bucket(BUCKET).key("w-1/report.csv")
                .contentType("text/csv"), RequestBody.fromString("second, longer"));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("w-1/report.csv"));

        assertThat(got.asUtf8String()).isEqualTo("second, longer");
        assertThat(got.response().eTag()).isEqualTo(second.eTag());
        assertThat(got.response().contentType()).isEqualTo("text/csv");
        assertThat(s3.listObjectsV2(request -> request.bucket(BUCKET)).contents()).singleElement()
                .satisfies(object -> assertThat(object.size()).isEqualTo(14));
    }

    @Test
    void listingAPrefixGivesItsKeysInOrderWithTheirSizesAndETags() {
        simulatorHolds("w-2/b.csv", "bb");
        simulatorHolds("w-1/b.csv", "bbb");
        simulatorHolds("w-1/a.csv", "a");
        simulatorHolds("w-10/a.csv", "a");

        ListObjectsV2Response listed = s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("w-1/"));

        assertThat(listed.contents()).extracting(S3Object::key, S3Object::size)
                .containsExactly(tuple("w-1/a.csv", 1L),
                        tuple("w-1/b.csv", 3L));
        assertThat(listed.contents().get(0).eTag()).isEqualTo('"' + md5Hex("a".getBytes(StandardCharsets.UTF_8)) + '"');
        assertThat(listed.contents().get(0).lastModified()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(listed.keyCount()).isEqualTo(2);
        assertThat(listed.isTruncated()).isFalse();
    }

    @Test
    void onePerPageTheListingWalksEveryKeyOnceWithContinuationTokens() {
        List.of("w-1/d", "w-1/a", "w-1/c", "w-1/b", "w-2/a").forEach(key -> simulatorHolds(key, key));

        ListObjectsV2Response first = s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("w-1/").maxKeys(1));
        List<String> paged = s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix("w-1/").maxKeys(1))
                .stream().flatMap(page -> page.contents().stream()).map(S3Object::key).toList();

        assertThat(first.contents()).extracting(S3Object::key).containsExactly("w-1/a");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextContinuationToken()).isNotBlank();
        assertThat(paged).containsExactly("w-1/a", "w-1/b", "w-1/c", "w-1/d");
    }

    @Test
    void aDelimiterRollsTheKeysBelowItUpIntoCommonPrefixesThatPageLikeKeys() {
        List.of("reports/w-1/a.csv", "reports/w-1/b.csv", "reports/w-2/a.csv", "reports/index.html")
                .forEach(key -> simulatorHolds(key, key));

        ListObjectsV2Response all = s3.listObjectsV2(request -> request.bucket(BUCKET).prefix("reports/").delimiter("/"));
        List<String> paged = s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix("reports/").delimiter("/")
                        .maxKeys(1))
                .stream().flatMap(page -> page.commonPrefixes().isEmpty()
                        ? page.contents().stream().map(S3Object::key)
                        : page.commonPrefixes().stream().map(CommonPrefix::prefix))
                .toList();

        assertThat(all.contents()).extracting(S3Object::key).containsExactly("reports/index.html");
        assertThat(all.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("reports/w-1/", "reports/w-2/");
        assertThat(all.keyCount()).isEqualTo(3);
        assertThat(paged).containsExactly("reports/index.html", "reports/w-1/", "reports/w-2/");
    }

    @Test
    void putsFromManyThreadsAtOnceAreAllKept() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PutObjectResponse>> puts = IntStream.range(0, 40)
                    .mapToObj(i -> threads.submit(() -> s3.putObject(request -> request.bucket(BUCKET)
                            .key(String.format("w-1/server-%02d.json", i)), RequestBody.fromString("{\"n\":" + i + "}"))))
                    .toList();
            for (Future<PutObjectResponse> put : puts) {
                put.get();
            }
        }

        List<String> keys = s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).maxKeys(7)).contents().stream()
                .map(S3Object::key).toList();

        assertThat(keys).hasSize(40).isSorted().doesNotHaveDuplicates();
        assertThat(simulator.object(BUCKET, "w-1/server-17.json")).hasValueSatisfying(stored ->
                assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"n\":17}"));
    }

    @Test
    void aMissingKeyIsNoSuchKeyForGetAndHead() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(request -> request.bucket(BUCKET).key("w-1/missing.csv")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
                });
        assertThatThrownBy(() -> s3.headObject(request -> request.bucket(BUCKET).key("w-1/missing.csv")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aBucketTheStackDidNotCreateIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.putObject(request -> request.bucket("not-created").key("k"), RequestBody.fromString("x")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.getObjectAsBytes(request -> request.bucket("not-created").key("k")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> s3.listObjectsV2(request -> request.bucket("not-created")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void anOperationTheSimulatorDoesNotHaveIsRefusedByName() {
        simulatorHolds("w-1/report.csv", "report");

        assertThatThrownBy(() -> s3.deleteObject(request -> request.bucket(BUCKET).key("w-1/report.csv")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.awsErrorDetails().errorMessage()).endsWith("not DeleteObject");
                });
        assertThatThrownBy(() -> s3.copyObject(request -> request.sourceBucket(BUCKET).sourceKey("w-1/report.csv")
                .destinationBucket(BUCKET).destinationKey("w-1/copy.csv")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith("not CopyObject"));
        assertThatThrownBy(() -> s3.createBucket(request -> request.bucket("new-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith("not CreateBucket"));
        assertThat(simulator.object(BUCKET, "w-1/copy.csv")).isEmpty();
    }

    private void simulatorHolds(String key, String content) {
        s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
