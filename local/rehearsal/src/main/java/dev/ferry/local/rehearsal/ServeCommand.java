package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.sns.OutboxMessage;
import dev.ferry.local.engine.ExecutionDescription;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.environment.ServerSpec;
import dev.ferry.local.rehearsal.standin.ApplicationStandIns;
import dev.ferry.local.rehearsal.standin.ServiceFront;
import dev.ferry.local.rehearsal.standin.ProbedPorts;
import dev.ferry.local.rehearsal.standin.StandInException;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.wave.InvalidWaveException;
import dev.ferry.wave.WaveDefinition;
import dev.ferry.wave.WaveDefinitionParser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/ferry serve}: the local cloud on one loopback port until interrupted, with the
 * environment's source servers in MGN and the project's state machine in the engine, time running
 * at a pace a person can follow. The AWS CLI drives it; the console shows what is there, the
 * executions as they start and end, and the emails.
 */
final class ServeCommand {

    static final int DEFAULT_PORT = 4566;
    static final double DEFAULT_SPEED = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Serve runs until interrupted; this only bounds virtual time arithmetic. */
    private static final Duration HORIZON = Duration.ofDays(365L * 100);

    private final LocalCloud cloud;
    private final PrintStream out;
    private final Instant start;
    private final Map<String, String> executionStatuses = new HashMap<>();

    private ServeCommand(LocalCloud cloud, PrintStream out) {
        this.cloud = cloud;
        this.out = out;
        this.start = cloud.clock().instant();
    }

    static int serve(List<String> arguments, Path projectRoot, PrintStream out) {
        CommandLine line = CommandLine.parse(arguments, List.of("port", "environment", "speed"));
        if (!line.positional().isEmpty()) {
            throw new IllegalArgumentException("serve takes no file argument; give the environment with --environment");
        }
        Path environmentFile = line.path("environment").orElse(projectRoot.resolve("events/demo-environment.json"));
        RehearsalInputs.SimulatedWorld world = RehearsalInputs.loadWorld(environmentFile);
        int port = line.port("port").orElse(DEFAULT_PORT);
        double speed = line.positiveNumber("speed").orElse(DEFAULT_SPEED);
        ProjectTemplate template = ProjectTemplate.load(projectRoot);
        Path folder = projectRoot.resolve(".ferry/serve").resolve(RunFolders.nameFor(Instant.now()));
        RunFolders.create(folder);
        try (ConsoleCapture capture = ConsoleCapture.to(folder.resolve("serve.log"));
             LocalCloud cloud = LocalCloud.start(new LocalCloudSettings(template, world.environment(),
                     Instant.now().truncatedTo(ChronoUnit.SECONDS), speed, port, folder.resolve("outbox"),
                     world.services()))) {
            ServeCommand serve = new ServeCommand(cloud, out);
            serve.printWhatIsThere(environmentFile, speed, folder);
            serve.runUntilInterrupted();
        }
        return 0;
    }

    private void printWhatIsThere(Path environmentFile, double speed, Path folder) {
        MgnEnvironment environment = cloud.environment();
        String endpoint = cloud.endpoint();
        String region = environment.targetRegion();
        out.println("Ferry's local cloud is listening on " + endpoint + " (MGN, Step Functions, EC2, IAM, SNS, SSM, Route 53, DynamoDB and the approval pages)");
        out.println("  region " + region + ", account " + environment.accountId() + ", virtual time at "
                + String.format("%.0f", speed) + "x real time");
        out.println("  state machine  " + cloud.stateMachineArn());
        out.println("  table          " + cloud.tableName() + "    topic " + cloud.topicArn());
        out.println("  emails         " + folder.resolve("outbox") + "    log " + folder.resolve("serve.log"));
        if (cloud.addresses().number() != 0) {
            out.println("  addresses      another run holds 127.0.0.0/16: this one's instances and DNS fronts are in "
                    + cloud.addresses().network() + ".0.0/16, and an execution's 127.0.x.y addresses are moved there");
        }
        out.println();
        out.println("Source servers in MGN (" + environmentFile + "):");
        for (Map.Entry<String, ServerSpec> server : cloud.mgn().servers().entrySet()) {
            ServerSpec spec = server.getValue();
            out.println("  " + server.getKey() + "  " + spec.hostname() + "  " + spec.sourceInstanceId()
                    + (spec.agentInstalled() ? "" : "  (agent not installed)"));
        }
        out.println();
        out.println("Point the AWS CLI at it (any credentials; requests are signed for " + region + "):");
        out.println("  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=" + region);
        out.println("  aws --endpoint-url " + endpoint + " mgn describe-source-servers");
        out.println("  aws --endpoint-url " + endpoint + " stepfunctions list-state-machines");
        out.println("  aws --endpoint-url " + endpoint + " stepfunctions start-execution --state-machine-arn "
                + cloud.stateMachineArn() + " --name demo-1 --input file://events/demo-wave.json");
        out.println("  aws --endpoint-url " + endpoint + " stepfunctions describe-execution --execution-arn "
                + cloud.stateMachineArn().replace(":stateMachine:", ":execution:") + ":demo-1");
        out.println("Or bin/ferry, with the same variables (the stack '" + LocalStack.STACK_NAME
                + "' here names the table and state machine, as a deployed stack's outputs do):");
        out.println("  bin/ferry start events/demo-wave.json --endpoint-url " + endpoint);
        out.println("  bin/ferry status media-stack-demo --watch --endpoint-url " + endpoint);
        out.println("Press Ctrl-C to stop.");
        out.println();
    }

    private void runUntilInterrupted() {
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread runner = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            runner.interrupt();
            try {
                // Let the runner close the local cloud (DynamoDB Local, sockets) before the JVM exits.
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ferry-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        cloud.onNotification(this::emailArrived);
        cloud.onExecutionStarted(this::executionStarted);
        cloud.lambda().addListener(invocation -> reportExecutionChanges());
        try {
            cloud.scheduler().runUntil(stopping::get, start.plus(HORIZON));
        } finally {
            Thread.interrupted();
            out.println("Stopping the local cloud.");
            stopped.countDown();
        }
    }

    private void executionStarted(String input) {
        try {
            WaveDefinition wave = WaveDefinitionParser.parse(JSON.readTree(input));
            ProbedPorts ports = ProbedPorts.of(wave.validation());
            ApplicationStandIns.checkCanListen(ports.all());
            cloud.standIns().listenFor(ports);
            if (wave.dns() != null) {
                // The execution holds the wave's addresses moved into this run's block (LocalCloud).
                cloud.frontHealthCheck(ServiceFront.of(wave.dns()).movedInto(cloud.addresses()));
            }
        } catch (IOException | InvalidWaveException e) {
            // The Preflight stage refuses such a wave with every problem named; nothing to stand in for.
        } catch (StandInException e) {
            line(e.getMessage());
        }
    }

    private synchronized void reportExecutionChanges() {
        for (ExecutionDescription execution : cloud.engine().listExecutions(cloud.stateMachineArn(), Optional.empty())) {
            String status = execution.status().name();
            if (!status.equals(executionStatuses.put(execution.executionArn(), status))) {
                line("execution " + execution.name() + " " + status
                        + (execution.error() == null ? "" : ": " + execution.error()));
            }
        }
    }

    private void emailArrived(OutboxMessage message) {
        line("email: " + message.subject());
        ApprovalLinks.in(message).ifPresent(link -> line("  approve or reject at " + link));
    }

    private synchronized void line(String text) {
        out.println(SimulatedTime.elapsed(start, cloud.clock().instant()) + "  " + text);
    }
}
