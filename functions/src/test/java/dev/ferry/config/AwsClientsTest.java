package dev.ferry.config;

import dev.ferry.retry.SdkRetries;
import dev.ferry.testing.RecordingEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients {@link AwsClients} builds go where the SDK's own endpoint settings say, in the
 * region and with the credentials the settings give, and never read a profile file. These are
 * the settings the offline rehearsal relies on. Environment variables are tested in a child JVM,
 * whose environment the test chooses; JVM properties in this one.
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
            try (RecordingEndpoint endpoint = endpointFor(service)) {
                System.setProperty(service.endpointProperty(), endpoint.uri().toString());

                service.call();

                assertThat(endpoint.requests()).singleElement()
                        .satisfies(request -> assertThat(request.authorization()).contains("/" + REGION + "/"));
            }
        }

        @ParameterizedTest
        @EnumSource(ServiceCall.class)
        void theGeneralPropertySendsEveryClientToOneEndpoint(ServiceCall service) throws IOException {
            try (RecordingEndpoint endpoint = endpointFor(service)) {
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

    @Nested
    class EnvironmentVariables {

        @TempDir
        Path home;

        @Test
        void eachServiceVariableSendsItsClientToItsEndpointWithTheEnvironmentsCredentials() throws Exception {
            Map<ServiceCall, RecordingEndpoint> endpoints = new EnumMap<>(ServiceCall.class);
            try {
                Map<String, String> environment = baseEnvironment();
                environment.put("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
                environment.put("AWS_SECRET_ACCESS_KEY", "secret");
                for (ServiceCall service : ServiceCall.values()) {
                    RecordingEndpoint endpoint = endpointFor(service);
                    endpoints.put(service, endpoint);
                    environment.put(service.endpointVariable(), endpoint.uri().toString());
                }

                ChildRun run = runInChildJvm(environment, List.of(), ServiceCall.values());

                assertThat(run.exitCode()).as(run.output()).isZero();
                endpoints.forEach((service, endpoint) -> assertThat(endpoint.requests()).as(service.name())
                        .singleElement().satisfies(request -> assertThat(request.authorization())
                                .contains("Credential=AKIDFROMENVIRONMENT/").contains("/" + REGION + "/")));
            } finally {
                endpoints.values().forEach(RecordingEndpoint::close);
            }
        }

        @Test
        void theGeneralVariableSendsEveryClientToOneEndpoint() throws Exception {
            try (RecordingEndpoint endpoint = endpointFor(ServiceCall.SFN)) {
                Map<String, String> environment = baseEnvironment();
                environment.put("AWS_ENDPOINT_URL", endpoint.uri().toString());

                ChildRun run = runInChildJvm(environment, systemPropertyCredentials(), ServiceCall.SFN);

                assertThat(run.exitCode()).as(run.output()).isZero();
                assertThat(endpoint.requests()).hasSize(1);
            }
        }

        @Test
        void credentialsComeFromJvmPropertiesWhenTheEnvironmentHasNone() throws Exception {
            try (RecordingEndpoint endpoint = endpointFor(ServiceCall.MGN)) {
                Map<String, String> environment = baseEnvironment();
                environment.put("AWS_ENDPOINT_URL", endpoint.uri().toString());

                ChildRun run = runInChildJvm(environment, systemPropertyCredentials(), ServiceCall.MGN);

                assertThat(run.exitCode()).as(run.output()).isZero();
                assertThat(endpoint.requests()).singleElement().satisfies(request ->
                        assertThat(request.authorization()).contains("Credential=AKIDFROMPROPERTIES/"));
            }
        }

        @Test
        void environmentCredentialsComeBeforeJvmProperties() throws Exception {
            try (RecordingEndpoint endpoint = endpointFor(ServiceCall.MGN)) {
                Map<String, String> environment = baseEnvironment();
                environment.put("AWS_ENDPOINT_URL", endpoint.uri().toString());
                environment.put("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
                environment.put("AWS_SECRET_ACCESS_KEY", "secret");

                ChildRun run = runInChildJvm(environment, systemPropertyCredentials(), ServiceCall.MGN);

                assertThat(run.exitCode()).as(run.output()).isZero();
                assertThat(endpoint.requests()).singleElement().satisfies(request ->
                        assertThat(request.authorization()).contains("Credential=AKIDFROMENVIRONMENT/"));
            }
        }

        @Test
        void profileFilesAreNeverReadForCredentials() throws Exception {
            try (RecordingEndpoint endpoint = endpointFor(ServiceCall.MGN)) {
                Path aws = Files.createDirectories(home.resolve(".aws"));
                Files.writeString(aws.resolve("credentials"),
                        "[default]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = secret\n");
                Files.writeString(aws.resolve("config"), "[default]\nregion = " + REGION + "\n");
                Map<String, String> environment = baseEnvironment();
                environment.put("AWS_SHARED_CREDENTIALS_FILE", aws.resolve("credentials").toString());
                environment.put("AWS_CONFIG_FILE", aws.resolve("config").toString());
                environment.put("AWS_ENDPOINT_URL", endpoint.uri().toString());

                ChildRun run = runInChildJvm(environment, List.of(), ServiceCall.MGN);

                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(run.output()).contains("Unable to load credentials");
                assertThat(endpoint.requests()).isEmpty();
            }
        }

        private Map<String, String> baseEnvironment() {
            Map<String, String> environment = new HashMap<>();
            environment.put("AWS_REGION", REGION);
            environment.put("HOME", home.toString());
            // A Lambda-like environment without instance metadata: fail fast rather than probe it.
            environment.put("AWS_EC2_METADATA_DISABLED", "true");
            return environment;
        }

        private static List<String> systemPropertyCredentials() {
            return List.of("-Daws.accessKeyId=AKIDFROMPROPERTIES", "-Daws.secretAccessKey=secret");
        }
    }

    private static RecordingEndpoint endpointFor(ServiceCall service) throws IOException {
        return new RecordingEndpoint().respond(200, service.responseHeaders(), service.responseBody());
    }

    /** Runs {@link ServiceCall.InChildJvm} with exactly this environment and these JVM options. */
    private static ChildRun runInChildJvm(Map<String, String> environment, List<String> jvmOptions,
                                          ServiceCall... calls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(ServiceCall.InChildJvm.class.getName());
        for (ServiceCall call : calls) {
            command.add(call.name());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not finish within two minutes:\n" + output);
        }
        return new ChildRun(process.exitValue(), output);
    }

    private record ChildRun(int exitCode, String output) {
    }
}
