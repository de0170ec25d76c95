package dev.ferry.local.cloud.s3;

import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aws-chunked framings of PutObject the SDK sends besides its default over HTTP (signed chunks with a CRC32
 * trailer, which {@link S3SimulatorTest} puts): signed chunks without a trailer, when the client computes checksums
 * only where S3 requires them, and the unsigned chunks with a trailer it sends over HTTPS, made here by the SDK's
 * own SigV4 signer for an {@code https} request, as the S3 client would sign it, and handed to the simulator.
 */
class S3ChunkedUploadTest {

    private static final String BUCKET = "ferry-reports";
    private static final String CONTENT = "server,state\nweb-1,CUTOVER\nweb-2,CUTOVER\n";

    private final S3Simulator simulator = new S3Simulator(Clock.systemUTC(), List.of(BUCKET));

    @Test
    void signedChunksWithoutATrailerAreDecoded() throws IOException {
        try (LocalCloudServer server = LocalCloudServer.start(0, List.of(simulator));
             S3Client s3 = pointedAt(S3Client.builder(), server, Region.US_EAST_1)
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build()) {
            s3.putObject(request -> request.bucket(BUCKET).key("w-1/report.csv"), RequestBody.fromString(CONTENT));
        }

        assertThat(simulator.object(BUCKET, "w-1/report.csv")).hasValueSatisfying(stored ->
                assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(CONTENT));
    }

    @Test
    void unsignedChunksWithAChecksumTrailerAreDecoded() throws IOException {
        LocalRequest request = overHttps(CONTENT);

        LocalResponse response = simulator.handle(request);

        assertThat(request.header("x-amz-content-sha256")).hasValue("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(request.bodyText()).startsWith(Integer.toHexString(CONTENT.length()) + "\r\n" + CONTENT + "\r\n0\r\n")
                .contains("x-amz-checksum-crc32:");
        assertThat(response.status()).isEqualTo(200);
        assertThat(simulator.object(BUCKET, "w-1/report.csv")).hasValueSatisfying(stored ->
                assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(CONTENT));
    }

    @Test
    void aBodyShorterThanItsDecodedLengthIsRefusedAndNothingIsStored() throws IOException {
        LocalRequest signed = overHttps(CONTENT);
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.put("x-amz-decoded-content-length", Integer.toString(CONTENT.length() + 1));

        LocalResponse response = simulator.handle(new LocalRequest("PUT", signed.path(), "", headers, signed.body()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("<Code>IncompleteBody</Code>");
        assertThat(simulator.object(BUCKET, "w-1/report.csv")).isEmpty();
    }

    /** A PutObject of {@code content} as the SDK's signer frames it for HTTPS, where it does not sign the payload. */
    private static LocalRequest overHttps(String content) throws IOException {
        SdkHttpFullRequest put = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create("https://127.0.0.1/" + BUCKET + "/w-1/report.csv"))
                .putHeader("Content-Length", Integer.toString(content.length()))
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(content))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(AwsCredentialsIdentity.create("test", "test"))
                .request(put)
                .payload(put.contentStreamProvider().orElseThrow())
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        try (InputStream body = signed.payload().orElseThrow().newStream()) {
            return new LocalRequest("PUT", signed.request().encodedPath(), "", headers, body.readAllBytes());
        }
    }
}
