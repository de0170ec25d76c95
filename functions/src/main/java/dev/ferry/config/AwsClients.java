package dev.ferry.config;

import dev.ferry.mgn.MgnRetryPolicy;
import dev.ferry.retry.SdkRetries;
import dev.ferry.retry.Sleeper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the SDK clients of the controller, one per call: callers build each client once and keep
 * it (see {@link Dependencies}), so that SnapStart snapshots a ready client. Their retries wait
 * through the given {@link Sleeper} ({@link SdkRetries}).
 *
 * <p>Every client is fully specified so that nothing is discovered at run time:
 * <ul>
 *   <li>one HTTP client, {@link UrlConnectionHttpClient} (the pom excludes Netty and Apache);</li>
 *   <li>the function's region, as its {@code AWS_REGION} setting says (Lambda always sets it);</li>
 *   <li>credentials from the environment variables, then from the Lambda container credentials
 *       endpoint (the only source a SnapStart function has), then from the JVM system properties
 *       {@code aws.accessKeyId}/{@code aws.secretAccessKey} that the offline rehearsal sets; never
 *       from profile files or the instance metadata service;</li>
 *   <li>no endpoint: the SDK's own endpoint settings ({@code AWS_ENDPOINT_URL},
 *       {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code aws.endpointUrl}, {@code aws.endpointUrl<Service>})
 *       redirect a client, which is how the rehearsal reaches its emulators;</li>
 *   <li>an empty profile file, so a developer's {@code ~/.aws} never changes what a client does.</li>
 * </ul>
 * Nothing random or time-dependent is created here: credentials are fetched on first use, which in
 * a SnapStart function is the {@link #priming() priming} just before its snapshot (the SDK fetches
 * them again once they near their expiry, as after any restore).
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final int DYNAMODB_MAX_ATTEMPTS = 8;
    /**
     * The report's one chance to be exported: the Report stage sends its email without it rather than
     * fail the wave, so S3's SlowDown (503) gets more attempts than the default three.
     */
    private static final int S3_MAX_ATTEMPTS = 8;

    private final Region region;
    private final Sleeper sleeper;
    private final ClientPriming priming = new ClientPriming();

    /** Clients of {@code region} whose retries wait with {@code sleeper}. */
    public AwsClients(Region region, Sleeper sleeper) {
        this.region = region;
        this.sleeper = sleeper;
    }

    /** Clients of {@code region} whose retries sleep the thread, as outside a rehearsal. */
    public static AwsClients sleepingForReal(Region region) {
        return new AwsClients(region, Sleeper.threadSleep());
    }

    /**
     * The MGN client. It leaves throttling to {@link dev.ferry.mgn.SdkMgnGateway}, which honours
     * MGN's {@code Retry-After}; other transient failures the SDK retries itself.
     */
    public MgnClient mgn() {
        return primed(configure(MgnClient.builder(),
                override -> override.retryStrategy(MgnRetryPolicy.sdkRetryStrategy(sleeper))).build(),
                client -> client.describeSourceServers(request -> request.maxResults(1)));
    }

    public Ec2Client ec2() {
        return primed(configure(Ec2Client.builder(), this::standardRetries).build(),
                client -> client.describeRegions(request -> request.regionNames(region.id())));
    }

    /** An EC2 client of another region than the function's: the source region of a wave. */
    public Ec2Client ec2(Region other) {
        return configure(Ec2Client.builder(), this::standardRetries).region(other).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder(), this::standardRetries).build();
    }

    /** An SSM client of another region than the function's: the source region of a wave. */
    public SsmClient ssm(Region other) {
        return configure(SsmClient.builder(), this::standardRetries).region(other).build();
    }

    /**
     * The IAM client. IAM is global: the SDK sends the function's region to the partition's one
     * IAM endpoint, so the region only selects the partition.
     */
    public IamClient iam() {
        return configure(IamClient.builder(), this::standardRetries).build();
    }

    /** The Route 53 client; global like IAM. */
    public Route53Client route53() {
        return primed(configure(Route53Client.builder(), this::standardRetries).build(),
                Route53Client::getHostedZoneCount);
    }

    /**
     * Service Quotas, read for a quota the wave can state itself: one attempt, briefly, since a
     * role without the permission or a slow answer only means the wave's setting applies.
     */
    public ServiceQuotasClient serviceQuotas() {
        return configure(ServiceQuotasClient.builder(), override -> override
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofSeconds(5))).build();
    }

    /** The S3 client of the report bucket, in the function's region. */
    public S3Client s3() {
        return primed(configure(S3Client.builder(),
                override -> override.retryStrategy(SdkRetries.standard(sleeper, S3_MAX_ATTEMPTS))).build(),
                client -> client.listBuckets(request -> request.maxBuckets(1)));
    }

    public SnsClient sns() {
        return primed(configure(SnsClient.builder(), this::standardRetries).build(), SnsClient::listTopics);
    }

    /**
     * The EventBridge client of the function's region, for its default event bus. Its priming call
     * puts no event: an empty PutEvents is refused before anything reaches the bus, which is enough
     * to load the request path, and needs no permission beyond the one the function has.
     */
    public EventBridgeClient eventBridge() {
        return primed(configure(EventBridgeClient.builder(), this::standardRetries).build(),
                client -> client.putEvents(request -> request.entries(List.of())));
    }

    public SfnClient sfn() {
        return primed(configure(SfnClient.builder(), this::standardRetries).build(),
                client -> client.listActivities(request -> request.maxResults(1)));
    }

    public DynamoDbClient dynamoDb() {
        // DynamoDB's own SDK default allows more attempts than other services: its throttling passes quickly.
        return primed(configure(DynamoDbClient.builder(),
                override -> override.retryStrategy(SdkRetries.standard(sleeper, DYNAMODB_MAX_ATTEMPTS))).build(),
                DynamoDbClient::describeEndpoints);
    }

    /**
     * The harmless reads made with the clients of the function's region before a SnapStart snapshot.
     * The clients of a wave's source region are built during an invocation, after the snapshot: they
     * are not primed.
     */
    public ClientPriming priming() {
        return priming;
    }

    private <C> C primed(C client, Consumer<C> harmlessRead) {
        priming.add(() -> harmlessRead.accept(client));
        return client;
    }

    private void standardRetries(ClientOverrideConfiguration.Builder override) {
        override.retryStrategy(SdkRetries.standard(sleeper));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Consumer<ClientOverrideConfiguration.Builder> serviceOverrides) {
        return builder
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .region(region)
                .credentialsProvider(credentials())
                .overrideConfiguration(override -> {
                    override.defaultProfileFileSupplier(AwsClients::noProfileFile);
                    serviceOverrides.accept(override);
                });
    }

    private static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build(),
                        SystemPropertyCredentialsProvider.create())
                .build();
    }

    private static ProfileFile noProfileFile() {
        return ProfileFile.aggregator().build();
    }
}
