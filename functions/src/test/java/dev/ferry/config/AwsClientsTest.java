package dev.ferry.config;

import dev.ferry.retry.SdkRetries;
import dev.ferry.testing.RecordingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.StartTestRequest;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients {@link AwsClients} builds go where the SDK's own endpoint settings say, in the
 * region and with the credentials the settings give, and never read a profile file. These are
 * the settings the offline rehearsal relies on. JVM properties are tested here; environment variables
 * in a child JVM ({@link AwsClientsEnvironmentIntegrationTest}).
 */
class AwsClientsTest {

    private static final String REGION = "eu-central-1";
    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
            "aws.endpointUrl", "aws.endpointUrlMgn", "aws.endpointUrlEc2", "aws.endpointUrlSns", "aws.endpointUrlSfn",
            "aws.endpointUrlDynamoDb");

    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeEach
    void saveProperties() {
        PROPERTIES.forEach(name -> savedProperties.put(name, System.getProperty(name)));
        System.setProperty("aws.accessKeyId", "AKIDFROMPROPERTIES");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterEach
    void restoreProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Nested
    class JvmProperties {

        @ParameterizedTest
        @EnumSource(ServiceCall.class)
        void theServicePropertySendsTheClientToItsEndpointInTheRegionOfTheSettings(ServiceCall service) throws IOException {
            try (RecordingEndpoint endpoint = service.recordingEndpoint()) {
                System.setProperty(service.endpointProperty(), endpoint.uri().toString());

                service.call();

                assertThat(endpoint.requests()).singleElement()
                        .satisfies(request -> assertThat(request.authorization()).contains("/" + REGION + "/"));
            }
        }

        @ParameterizedTest
        @EnumSource(ServiceCall.class)
        void theGeneralPropertySendsEveryClientToOneEndpoint(ServiceCall service) throws IOException {
            try (RecordingEndpoint endpoint = service.recordingEndpoint()) {
                System.setProperty("aws.endpointUrl", endpoint.uri().toString());

                service.call();

                assertThat(endpoint.requests()).hasSize(1);
            }
        }
    }

    @Nested
    class MgnRetries {

        @Test
        void throttlingIsNotRetriedByTheSdkSoTheGatewayCanHonourRetryAfter() throws IOException {
            try (RecordingEndpoint endpoint = new RecordingEndpoint().respond(429, Map.of(
                    "Content-Type", "application/json",
                    "x-amzn-ErrorType", "ThrottlingException",
                    "Retry-After", "5"), "{\"message\":\"Rate exceeded\"}");
                 MgnClient mgn = mgnAt(endpoint)) {

                assertThatThrownBy(() -> mgn.startTest(StartTestRequest.builder().sourceServerIDs("s-1").build()))
                        .isInstanceOfSatisfying(ThrottlingException.class,
                                throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo("5"));
                assertThat(endpoint.requests()).hasSize(1);
            }
        }

        @Test
        void aServerErrorIsStillRetriedByTheSdk() throws IOException {
            try (RecordingEndpoint endpoint = new RecordingEndpoint().respond(503, Map.of(
                    "Content-Type", "application/json",
                    "x-amzn-ErrorType", "ServiceUnavailableException"), "{\"message\":\"Unavailable\"}");
                 MgnClient mgn = mgnAt(endpoint)) {

                assertThatThrownBy(() -> mgn.startTest(StartTestRequest.builder().sourceServerIDs("s-1").build()))
                        .isInstanceOf(MgnException.class);
                assertThat(endpoint.requests()).hasSize(3);
            }
        }

        private static MgnClient mgnAt(RecordingEndpoint endpoint) {
            System.setProperty("aws.endpointUrlMgn", endpoint.uri().toString());
            return AwsClients.sleepingForReal(Region.of(REGION)).mgn();
        }
    }

    @Nested
    class RetryWaits {

        @Test
        void everyBackOffOfAThrottledCallIsWaitedThroughTheSleeper() throws IOException {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            try (RecordingEndpoint endpoint = new RecordingEndpoint().respond(400, Map.of(
                    "Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")) {
                System.setProperty("aws.endpointUrlDynamoDb", endpoint.uri().toString());
                try (DynamoDbClient dynamoDb = new AwsClients(Region.of(REGION), waits::add).dynamoDb()) {
                    assertThatThrownBy(dynamoDb::listTables).isInstanceOf(DynamoDbException.class);
                }

                assertThat(endpoint.requests()).hasSize(8);
                assertThat(waits).hasSize(7).allSatisfy(wait ->
                        assertThat(wait).isBetween(Duration.ZERO, SdkRetries.MAX_BACKOFF));
            }
        }
    }
}
