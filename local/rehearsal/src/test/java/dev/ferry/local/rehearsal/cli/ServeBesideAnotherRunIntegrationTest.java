package dev.ferry.local.rehearsal.cli;

import dev.ferry.local.rehearsal.standin.LoopbackBlock;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/ferry serve} started while another run on the machine holds a block of loopback
 * addresses (as a developer's rehearsal does while CI serves): serve takes a block of its own and
 * moves the wave's 127.0.x.y addresses (its DNS records and health check) into it, so that the two
 * runs never listen on, or probe, each other's addresses.
 */
class ServeBesideAnotherRunIntegrationTest {

    private static final String STATE_MACHINE = "arn:aws:states:eu-central-1:111122223333:stateMachine:WaveStateMachine";

    private static LoopbackBlock heldByAnotherRun;
    private static ServeProcess serve;
    private static SfnClient stepFunctions;

    @BeforeAll
    static void serveWhileAnotherRunHoldsABlock() {
        heldByAnotherRun = LoopbackBlock.claim();
        serve = ServeProcess.start(ProjectFolder.root().resolve("events/demo-environment.json"), 60);
        stepFunctions = SfnClient.builder()
                .endpointOverride(URI.create(serve.endpoint()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (stepFunctions != null) {
            stepFunctions.close();
        }
        if (serve != null) {
            serve.close();
        }
        if (heldByAnotherRun != null) {
            heldByAnotherRun.close();
        }
    }

    @Test
    void serveSaysWhichBlockItTookAndItIsNotTheOtherRuns() {
        assertThat(serve.console()).contains("another run holds 127.0.0.0/16");
        assertThat(serve.addressBlock()).isNotEqualTo(heldByAnotherRun.number()).isNotZero();
    }

    @Test
    void anExecutionStartedThroughServeHoldsTheWaveWithItsAddressesInServesBlock() throws IOException {
        String wave = Files.readString(ProjectFolder.event("demo-wave.json"));
        assertThat(wave).contains("\"http://127.0.20.10:8080/\"", "\"targetValues\": [\"127.0.20.10\"]");

        String executionArn = stepFunctions.startExecution(start -> start.stateMachineArn(STATE_MACHINE)
                .name("beside-another-run").input(wave)).executionArn();
        String held = stepFunctions.describeExecution(describe -> describe.executionArn(executionArn)).input();

        String moved = "127." + serve.addressBlock() + ".20.10";
        assertThat(held).contains("\"http://" + moved + ":8080/\"", "\"targetValues\": [\"" + moved + "\"]")
                .doesNotContain("127.0.20.10")
                .isEqualTo(wave.replace("127.0.20.10", moved));
    }
}
