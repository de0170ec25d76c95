package dev.ferry.config;

import dev.ferry.testing.RecordingEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's environment variables as {@link AwsClients}' clients read them: endpoints per service
 * and in general, credentials from the environment before JVM properties, never from a profile
 * file. Each case runs in a child JVM whose environment the test chooses (a JVM cannot change its
 * own), which is why these are in the integration tier.
 */
class AwsClientsEnvironmentIntegrationTest {

    private static final String REGION = "eu-central-1";

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
                RecordingEndpoint endpoint = service.recordingEndpoint();
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
        try (RecordingEndpoint endpoint = ServiceCall.SFN.recordingEndpoint()) {
            Map<String, String> environment = baseEnvironment();
            environment.put("AWS_ENDPOINT_URL", endpoint.uri().toString());

            ChildRun run = runInChildJvm(environment, systemPropertyCredentials(), ServiceCall.SFN);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(endpoint.requests()).hasSize(1);
        }
    }

    @Test
    void credentialsComeFromJvmPropertiesWhenTheEnvironmentHasNone() throws Exception {
        try (RecordingEndpoint endpoint = ServiceCall.MGN.recordingEndpoint()) {
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
        try (RecordingEndpoint endpoint = ServiceCall.MGN.recordingEndpoint()) {
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
        try (RecordingEndpoint endpoint = ServiceCall.MGN.recordingEndpoint()) {
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
