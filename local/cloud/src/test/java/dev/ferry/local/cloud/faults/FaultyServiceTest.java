package dev.ferry.local.cloud.faults;

import dev.ferry.local.cloud.http.LocalCloudServer;
import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ListApplicationsRequest;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Injected faults as the real SDK clients see them, one attempt each: throttling is classified as
 * throttling, a server error has its 5xx status, and a time-out after applying reaches the client
 * as an I/O failure although the service handled the request.
 */
class FaultyServiceTest {

    private static final ServiceFaultRates ALWAYS_THROTTLED = new ServiceFaultRates(100, 0, 0);
    private static final ServiceFaultRates ALWAYS_FAILING = new ServiceFaultRates(0, 100, 0);
    private static final ServiceFaultRates ALWAYS_TIMING_OUT = new ServiceFaultRates(0, 0, 100);

    /** Answers every request with an empty success, counting what it handled. */
    private final AtomicInteger handled = new AtomicInteger();
    private final LocalService service = new LocalService() {
        @Override
        public boolean accepts(LocalRequest request) {
            return true;
        }

        @Override
        public LocalResponse handle(LocalRequest request) {
            handled.incrementAndGet();
            return LocalResponse.of(200, "application/json", "{}");
        }
    };

    @Test
    void eachProtocolsThrottlingIsThrottlingToTheSdkOfItsService() throws IOException {
        assertThrottled(ErrorProtocol.REST_JSON, MgnClient.builder(), mgn -> mgn.listApplications(ListApplicationsRequest.builder().build()));
        assertThrottled(ErrorProtocol.AWS_JSON, DynamoDbClient.builder(), DynamoDbClient::listTables);
        assertThrottled(ErrorProtocol.EC2_QUERY, Ec2Client.builder(), Ec2Client::describeInstances);
        assertThrottled(ErrorProtocol.XML_ERROR_RESPONSE, SnsClient.builder(), SnsClient::listTopics);
        assertThrottled(ErrorProtocol.S3_XML, S3Client.builder(), S3Client::listBuckets);
        assertThat(handled).as("a throttled request is not handled").hasValue(0);
    }

    @Test
    void mgnsThrottlingCarriesRetryAfter() throws IOException {
        Throwable failure = failureOf(ErrorProtocol.REST_JSON, ALWAYS_THROTTLED, MgnClient.builder(),
                mgn -> mgn.listApplications(ListApplicationsRequest.builder().build()));

        assertThat(failure).isInstanceOfSatisfying(ThrottlingException.class,
                throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo("1"));
    }

    @Test
    void aServerErrorIsAFiveHundredOrFiveHundredAndThreeThatIsNotThrottling() throws IOException {
        for (ErrorProtocol protocol : List.of(ErrorProtocol.AWS_JSON, ErrorProtocol.XML_ERROR_RESPONSE)) {
            Throwable failure = protocol == ErrorProtocol.AWS_JSON
                    ? failureOf(protocol, ALWAYS_FAILING, DynamoDbClient.builder(), DynamoDbClient::listTables)
                    : failureOf(protocol, ALWAYS_FAILING, SnsClient.builder(), SnsClient::listTopics);

            assertThat(failure).as(protocol.name()).isInstanceOfSatisfying(AwsServiceException.class, error -> {
                assertThat(error.statusCode()).isIn(500, 503);
                assertThat(RetryUtils.isThrottlingException(error)).isFalse();
            });
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void aTimeoutAfterApplyingIsAnIoFailureOfARequestTheServiceHandled() throws IOException {
        Throwable failure = failureOf(ErrorProtocol.AWS_JSON, ALWAYS_TIMING_OUT, DynamoDbClient.builder(),
                DynamoDbClient::listTables);

        assertThat(failure).isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(IOException.class);
        assertThat(handled.get()).isPositive();
    }

    @Test
    void everyInjectedFaultIsCounted() throws IOException {
        FaultyService faulty = new FaultyService(service, ErrorProtocol.AWS_JSON,
                new ServiceFaults(Map.of(FaultyServiceName.DYNAMODB, ALWAYS_THROTTLED), 1)
                        .source(FaultyServiceName.DYNAMODB));
        try (LocalCloudServer server = LocalCloudServer.start(0, List.of(faulty));
             DynamoDbClient client = client(DynamoDbClient.builder(), server)) {
            catchThrowable(client::listTables);
            catchThrowable(client::listTables);
        }

        assertThat(ServiceFaultCount.of(FaultyServiceName.DYNAMODB, faulty))
                .isEqualTo(new ServiceFaultCount("dynamodb", 2, 0, 0));
    }

    private <C extends AutoCloseable> void assertThrottled(ErrorProtocol protocol, AwsClientBuilder<?, C> builder,
                                                           Consumer<C> call) throws IOException {
        Throwable failure = failureOf(protocol, ALWAYS_THROTTLED, builder, call);

        assertThat(failure).as(protocol.name()).isInstanceOfSatisfying(AwsServiceException.class,
                error -> assertThat(RetryUtils.isThrottlingException(error)).as(protocol.name()).isTrue());
    }

    private <C extends AutoCloseable> Throwable failureOf(ErrorProtocol protocol, ServiceFaultRates rates,
                                                          AwsClientBuilder<?, C> builder, Consumer<C> call)
            throws IOException {
        ServiceFaults.Source faults = new ServiceFaults(Map.of(FaultyServiceName.MGN, rates), 1)
                .source(FaultyServiceName.MGN);
        try (LocalCloudServer server = LocalCloudServer.start(0, List.of(new FaultyService(service, protocol, faults)))) {
            C client = client(builder, server);
            try (AutoCloseable closing = client) {
                return catchThrowable(() -> call.accept(client));
            } catch (Exception closeFailed) {
                throw new IllegalStateException(closeFailed);
            }
        }
    }

    private static <C> C client(AwsClientBuilder<?, C> builder, LocalCloudServer server) {
        return builder
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
