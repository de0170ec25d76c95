package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.rehearsal.LocalCloud;
import dev.ferry.local.rehearsal.LocalCloudSettings;
import dev.ferry.local.rehearsal.RehearsalInputs;
import dev.ferry.local.rehearsal.standin.ApplicationStandIns;
import dev.ferry.local.rehearsal.standin.ProbedPorts;
import dev.ferry.local.rehearsal.standin.ServiceFront;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.testing.ProjectFolder;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Integration test, the local cloud of {@code bin/ferry serve} (the demo environment, the project's
 * state machine and handlers, DynamoDB Local) on a loopback port: {@code start} starts the demo wave,
 * {@code status} and {@code waves} follow it to the approval and after the cutover, and a proxy in
 * front of the local cloud sees that status and waves sent reads alone.
 */
class WaveCommandsIntegrationTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final Pattern APPROVAL_LINK = Pattern.compile("https?://\\S+/approvals/[^\\s\"'<>]+");
    private static final List<String> DEMO_SERVERS =
            List.of("media-server", "media-transcoder", "media-db", "media-worker-1", "media-worker-2", "media-proxy");
    private static final String EXECUTION_ARN =
            "arn:aws:states:eu-central-1:111122223333:execution:WaveStateMachine:media-stack-demo";

    private LocalCloud cloud;
    private final AtomicReference<String> approvalLink = new AtomicReference<>();

    @BeforeEach
    void startTheLocalCloud() {
        RehearsalInputs.SimulatedWorld world = RehearsalInputs.loadWorld(ProjectFolder.event("demo-environment.json"));
        cloud = LocalCloud.start(new LocalCloudSettings(ProjectTemplate.load(ProjectFolder.root()), world.environment(),
                START, Double.POSITIVE_INFINITY, 0, null, world.services()));
        cloud.onExecutionStarted(this::standInForTheApplication);
        cloud.onNotification(message -> {
            Matcher link = APPROVAL_LINK.matcher(message.message());
            if (link.find()) {
                approvalLink.set(link.group());
            }
        });
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void statusShowsEveryServersStageAtTheApprovalAndAfterTheCutoverWhileWavesListsTheExecution() throws IOException {
        Run started = ferry("start", ProjectFolder.event("demo-wave.json").toString());
        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).contains("runs as execution media-stack-demo", EXECUTION_ARN,
                "bin/ferry status media-stack-demo --watch");

        cloud.scheduler().runUntil(() -> approvalLink.get() != null, START.plus(Duration.ofHours(12)));
        assertThat(approvalLink.get()).as("the approval request").isNotNull();
        List<String> operations = new ArrayList<>();
        Run waiting;
        Run waves;
        try (RecordingProxy proxy = new RecordingProxy(URI.create(cloud.endpoint()))) {
            waiting = ferryThrough(proxy, "status", "media-stack-demo");
            waves = ferryThrough(proxy, "waves");
            operations.addAll(proxy.operations());
        }

        assertThat(waiting.exitCode()).as(waiting.err()).isZero();
        assertThat(waiting.out()).contains("Wave media-stack-demo: RUNNING", "Execution RUNNING", "6 servers: 6 in APPROVAL");
        for (String server : DEMO_SERVERS) {
            // MGN's states as Ferry last read them (at the test launch), the test instance and the lag.
            assertThat(serverRow(waiting, server)).contains("APPROVAL", "TESTING / CONTINUOUS", "ACTIVE")
                    .containsPattern(" \\d+s +i-[0-9a-f]{17} +- ");
        }
        assertThat(waves.exitCode()).as(waves.err()).isZero();
        assertThat(waves.out()).containsPattern("media-stack-demo +RUNNING +2026-03-02 .*RUNNING +6 +6 in APPROVAL");
        // What status and waves sent, seen on the wire: the stack's outputs, the table and the executions read.
        assertThat(operations).isNotEmpty().allSatisfy(operation -> assertThat(operation).isIn(
                "DescribeStacks", "DynamoDB_20120810.GetItem", "DynamoDB_20120810.Query",
                "AWSStepFunctions.DescribeExecution", "AWSStepFunctions.ListExecutions"));

        cloud.scheduler().submit(() -> approve(approvalLink.get()));
        cloud.scheduler().runUntil(
                () -> !cloud.engine().describeExecution(EXECUTION_ARN).status().name().equals("RUNNING"),
                START.plus(Duration.ofHours(12)));
        Run done = ferry("status", "media-stack-demo");

        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("Wave media-stack-demo: COMPLETED", "Execution SUCCEEDED", "6 servers: 6 CUT_OVER");
        for (String server : DEMO_SERVERS) {
            assertThat(serverRow(done, server)).contains("DONE", "CUT_OVER")
                    .containsPattern("i-[0-9a-f]{17} +i-[0-9a-f]{17}");
        }
    }

    @Test
    void startingTheSameFileAgainStartsNothingNewAndAnEditedFileUnderTheSameNameIsRefused() throws IOException {
        String wave = ProjectFolder.event("demo-wave.json").toString();
        assertThat(ferry("start", wave).exitCode()).isZero();

        Run again = ferry("start", wave);
        Path edited = Files.createTempFile("edited-wave", ".json");
        Files.writeString(edited, Files.readString(ProjectFolder.event("demo-wave.json"))
                .replace("\"waveName\"", "\"waveName\" "));
        Run otherInput = ferry("start", edited.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains(EXECUTION_ARN);
        assertThat(otherInput.exitCode()).isEqualTo(FerryCli.EXIT_INVALID_INPUT);
        assertThat(otherInput.err()).contains("the execution name media-stack-demo is taken by an execution with other input");
        assertThat(cloud.engine().listExecutions(cloud.stateMachineArn(), Optional.empty())).hasSize(1);
    }

    @Test
    void watchDrawsTheServersAgainAsTheWaveMovesAndStopsWhenTheExecutionEnds() {
        assertThat(ferry("start", ProjectFolder.event("demo-wave.json").toString()).exitCode()).isZero();
        cloud.onNotification(message -> {
            Matcher link = APPROVAL_LINK.matcher(message.message());
            if (link.find()) {
                cloud.scheduler().submit(() -> approve(link.group()));
            }
        });
        // Each pause between two refreshes lets a quarter of an hour of the local cloud's time pass.
        StatusCommand status = new StatusCommand(name -> null, pause -> cloud.scheduler().runUntil(() -> false,
                cloud.clock().instant().plus(Duration.ofMinutes(15))), cloud.clock(), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = status.run(List.of("media-stack-demo", "--watch", "900", "--endpoint-url", cloud.endpoint(),
                "--region", "eu-central-1"), ProjectFolder.root(), new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> screens = List.of(out.toString(StandardCharsets.UTF_8).split(Pattern.quote(StatusCommand.CLEAR_SCREEN)))
                .stream().filter(screen -> !screen.isEmpty()).toList();
        assertThat(exitCode).isZero();
        assertThat(screens.size()).isGreaterThan(3);
        // The first screen comes before the execution's first state ran: Preflight has not stored the wave.
        assertThat(screens.getFirst()).contains("Execution RUNNING since", "No servers yet: Preflight has not stored the wave",
                "again every 900 s until the execution ends");
        assertThat(screens).anySatisfy(screen -> assertThat(screen).contains("6 servers: 6 in REPLICATION"));
        assertThat(screens.getLast()).contains("Wave media-stack-demo: COMPLETED", "6 servers: 6 CUT_OVER")
                .doesNotContain("again every");
    }

    private String serverRow(Run run, String server) {
        return run.out().lines().filter(line -> line.startsWith(server + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + server + " in\n" + run.out()));
    }

    private Run ferry(String... arguments) {
        return run(cloud.endpoint(), arguments);
    }

    private Run ferryThrough(RecordingProxy proxy, String... arguments) {
        return run(proxy.endpoint(), arguments);
    }

    private static Run run(String endpoint, String... arguments) {
        List<String> line = new ArrayList<>(List.of(arguments));
        line.addAll(List.of("--endpoint-url", endpoint, "--region", "eu-central-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = FerryCli.run(line, ProjectFolder.root(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As bin/ferry serve: the wave's probed ports and DNS front answer while its instances run. */
    private void standInForTheApplication(String input) {
        try {
            WaveDefinition wave = WaveDefinitionParser.parse(new ObjectMapper().readTree(input));
            ProbedPorts ports = ProbedPorts.of(wave.validation());
            ApplicationStandIns.checkCanListen(ports.all());
            cloud.standIns().listenFor(ports);
            if (wave.dns() != null) {
                cloud.frontHealthCheck(ServiceFront.of(wave.dns()).movedInto(cloud.addresses()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void approve(String link) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("approver=operator&decision=approve"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
