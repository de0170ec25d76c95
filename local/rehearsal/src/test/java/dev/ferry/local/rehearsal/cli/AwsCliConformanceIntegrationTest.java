package dev.ferry.local.rehearsal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the real AWS CLI against {@code bin/ferry serve} (a child process on a free
 * loopback port, with {@code events/rehearsal/aws-cli-environment.json}: the demo's servers and two
 * small ones the tests launch and move themselves). Each command's exit code and JSON output are
 * checked, and the error codes of refused requests. Skipped, saying so, when {@code aws} is not
 * installed, unless {@code FERRY_REQUIRE_TOOLS=true}.
 */
class AwsCliConformanceIntegrationTest {

    private static final String REGION = "eu-central-1";
    private static final String ACCOUNT = "111122223333";
    private static final String WAVE_STATE_MACHINE = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:WaveStateMachine";
    /** A server of the environment that no wave uses: the tests start its test launch. */
    private static final String LAUNCHED_BY_TEST = "s-7a8b9c0d1e2f30415";
    /** Another one: the tests change its lifecycle state. */
    private static final String MOVED_BY_TEST = "s-8b9c0d1e2f3041526";
    /** Serve's pace: the small servers replicate in a second or so, and nothing times out while the tests run. */
    private static final double SPEED = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ServedAwsCli SERVE = new ServedAwsCli("events/rehearsal/aws-cli-environment.json", SPEED);

    private static JsonNode startedTestJob;
    private static String callbackMachineArn;
    private static String demoExecutionArn;
    private static int executions;

    // MGN

    @Test
    void describeSourceServersListsEveryServerOfTheEnvironment() throws IOException {
        AwsCli.Result result = aws().run("mgn", "describe-source-servers");

        assertThat(result.exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        JSON.readTree(SERVE.environment().toFile()).path("servers")
                .forEach(server -> expected.add(server.path("sourceServerId").asText()));
        assertThat(result.json().path("items")).extracting(item -> item.path("sourceServerID").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.json().path("items")).allSatisfy(item -> {
            assertThat(item.path("arn").asText()).startsWith("arn:aws:mgn:" + REGION + ":" + ACCOUNT + ":source-server/s-");
            assertThat(item.path("lifeCycle").path("state").asText()).isNotEmpty();
            assertThat(item.path("sourceProperties").path("identificationHints").path("awsInstanceID").asText()).startsWith("i-");
        });
    }

    @Test
    void describeSourceServersFiltersByServerId() {
        JsonNode answer = aws().run("mgn", "describe-source-servers", "--filters", "sourceServerIDs=" + MOVED_BY_TEST).json();

        assertThat(answer.path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("sourceServerID").asText()).isEqualTo(MOVED_BY_TEST));
    }

    @Test
    void describeReplicationConfigurationTemplatesAnswersAList() {
        AwsCli.Result result = aws().run("mgn", "describe-replication-configuration-templates");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("items").isArray()).isTrue();
    }

    @Test
    void getLaunchConfigurationNamesTheServerAndItsLaunchTemplate() {
        JsonNode configuration = aws().run("mgn", "get-launch-configuration", "--source-server-id", LAUNCHED_BY_TEST).json();

        assertThat(configuration.path("sourceServerID").asText()).isEqualTo(LAUNCHED_BY_TEST);
        assertThat(configuration.path("name").asText()).isEqualTo("cli-test-1");
        assertThat(configuration.path("ec2LaunchTemplateID").asText()).startsWith("lt-");
        assertThat(configuration.path("launchDisposition").asText()).isIn("STARTED", "STOPPED");
    }

    @Test
    void startTestOnAReplicatedServerStartsALaunchJobForIt() {
        JsonNode job = startedTestJob().path("job");

        assertThat(job.path("jobID").asText()).matches("mgnjob-[0-9a-f]{17}");
        assertThat(job.path("type").asText()).isEqualTo("LAUNCH");
        assertThat(job.path("initiatedBy").asText()).isEqualTo("START_TEST");
        assertThat(job.path("participatingServers")).singleElement()
                .satisfies(server -> assertThat(server.path("sourceServerID").asText()).isEqualTo(LAUNCHED_BY_TEST));
    }

    @Test
    void describeJobsFindsTheStartedJobById() {
        String jobId = startedTestJob().path("job").path("jobID").asText();

        JsonNode answer = aws().run("mgn", "describe-jobs", "--filters", "jobIDs=" + jobId).json();

        assertThat(answer.path("items")).singleElement().satisfies(job -> {
            assertThat(job.path("jobID").asText()).isEqualTo(jobId);
            assertThat(job.path("status").asText()).isIn("PENDING", "STARTED", "COMPLETED");
            assertThat(job.path("participatingServers").path(0).path("sourceServerID").asText()).isEqualTo(LAUNCHED_BY_TEST);
        });
    }

    @Test
    void aServerUnderTestShowsTestingAsItsLifecycleState() {
        startedTestJob();

        JsonNode answer = aws().run("mgn", "describe-source-servers", "--filters", "sourceServerIDs=" + LAUNCHED_BY_TEST).json();

        assertThat(answer.path("items").path(0).path("lifeCycle").path("state").asText()).isEqualTo("TESTING");
    }

    @Test
    void changeServerLifeCycleStateMovesAReplicatedServerToReadyForCutover() {
        awaitLifecycle(MOVED_BY_TEST, "READY_FOR_TEST");

        AwsCli.Result result = aws().run("mgn", "change-server-life-cycle-state", "--source-server-id", MOVED_BY_TEST,
                "--life-cycle", "state=READY_FOR_CUTOVER");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().path("sourceServerID").asText()).isEqualTo(MOVED_BY_TEST);
        assertThat(result.json().path("lifeCycle").path("state").asText()).isEqualTo("READY_FOR_CUTOVER");
    }

    @Test
    void anUnknownSourceServerIsRefusedWithResourceNotFound() {
        AwsCli.Result result = aws().run("mgn", "change-server-life-cycle-state", "--source-server-id", "s-00000000000000000",
                "--life-cycle", "state=READY_FOR_CUTOVER");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("(ResourceNotFoundException)").contains("s-00000000000000000");
    }

    // Step Functions

    @Test
    void listStateMachinesShowsTheProjectsWaveStateMachine() {
        JsonNode answer = aws().run("stepfunctions", "list-state-machines").json();

        assertThat(answer.path("stateMachines")).anySatisfy(machine -> {
            assertThat(machine.path("stateMachineArn").asText()).isEqualTo(WAVE_STATE_MACHINE);
            assertThat(machine.path("type").asText()).isEqualTo("STANDARD");
        });
    }

    @Test
    void createStateMachineRegistersANewDefinitionThatIsThenListed() {
        String arn = callbackMachine();

        assertThat(arn).isEqualTo("arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:operator-callback");
        assertThat(aws().run("stepfunctions", "list-state-machines").json().path("stateMachines"))
                .anySatisfy(machine -> assertThat(machine.path("name").asText()).isEqualTo("operator-callback"));
    }

    @Test
    void startExecutionWithTheDemoWaveRunsTheWaveStateMachine() throws IOException {
        String executionArn = demoExecution();

        JsonNode execution = aws().run("stepfunctions", "describe-execution", "--execution-arn", executionArn).json();

        assertThat(executionArn).isEqualTo("arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:WaveStateMachine:demo-1");
        assertThat(execution.path("status").asText()).isEqualTo("RUNNING");
        assertThat(execution.path("stateMachineArn").asText()).isEqualTo(WAVE_STATE_MACHINE);
        // Its loopback addresses are where this serve moved them: another run may hold 127.0.0.0/16.
        assertThat(JSON.readTree(execution.path("input").asText()))
                .isEqualTo(JSON.readTree(SERVE.movedIntoServesBlock(Files.readString(ProjectFolder.event("demo-wave.json")))));
    }

    @Test
    void getExecutionHistoryShowsTheDemoWavePassingPreflight() {
        String executionArn = demoExecution();

        JsonNode events = SERVE.eventually(() -> history(executionArn),
                history -> contains(history, "TaskStateExited", "Preflight"));

        assertThat(events.path(0).path("type").asText()).isEqualTo("ExecutionStarted");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("TaskStateEntered");
            assertThat(event.path("stateEnteredEventDetails").path("name").asText()).isEqualTo("Preflight");
        });
    }

    @Test
    void listExecutionsListsTheRunningDemoWave() {
        String executionArn = demoExecution();

        JsonNode answer = aws().run("stepfunctions", "list-executions", "--state-machine-arn", WAVE_STATE_MACHINE,
                "--status-filter", "RUNNING").json();

        assertThat(answer.path("executions")).anySatisfy(execution -> {
            assertThat(execution.path("executionArn").asText()).isEqualTo(executionArn);
            assertThat(execution.path("name").asText()).isEqualTo("demo-1");
        });
    }

    @Test
    void stopExecutionAbortsARunningExecutionWithTheGivenErrorAndCause() {
        String executionArn = startCallbackExecution();

        AwsCli.Result stopped = aws().run("stepfunctions", "stop-execution", "--execution-arn", executionArn,
                "--error", "OperatorStopped", "--cause", "stopped from the AWS CLI");

        assertThat(stopped.exitCode()).isZero();
        assertThat(stopped.json().path("stopDate").isNumber()).isTrue();
        JsonNode execution = describe(executionArn);
        assertThat(execution.path("status").asText()).isEqualTo("ABORTED");
        assertThat(execution.path("error").asText()).isEqualTo("OperatorStopped");
        assertThat(execution.path("cause").asText()).isEqualTo("stopped from the AWS CLI");
    }

    @Test
    void sendTaskSuccessEndsTheWaitingTaskWithItsOutput() throws IOException {
        String executionArn = startCallbackExecution();

        AwsCli.Result sent = aws().run("stepfunctions", "send-task-success", "--task-token", taskToken(executionArn),
                "--task-output", "{\"approvedBy\":\"cli\"}");

        assertThat(sent.exitCode()).isZero();
        JsonNode execution = SERVE.eventually(() -> describe(executionArn), hasStatus("SUCCEEDED"));
        assertThat(JSON.readTree(execution.path("output").asText())).isEqualTo(JSON.readTree("{\"approvedBy\":\"cli\"}"));
    }

    @Test
    void sendTaskFailureFailsTheExecutionWithTheGivenErrorAndCause() {
        String executionArn = startCallbackExecution();

        AwsCli.Result sent = aws().run("stepfunctions", "send-task-failure", "--task-token", taskToken(executionArn),
                "--error", "OperatorRejected", "--cause", "not today");

        assertThat(sent.exitCode()).isZero();
        JsonNode execution = SERVE.eventually(() -> describe(executionArn), hasStatus("FAILED"));
        assertThat(execution.path("error").asText()).isEqualTo("OperatorRejected");
        assertThat(execution.path("cause").asText()).isEqualTo("not today");
    }

    @Test
    void sendTaskHeartbeatIsAcceptedAndTheTaskKeepsWaiting() {
        String executionArn = startCallbackExecution();

        AwsCli.Result sent = aws().run("stepfunctions", "send-task-heartbeat", "--task-token", taskToken(executionArn));

        assertThat(sent.exitCode()).isZero();
        assertThat(sent.json().isObject()).isTrue();
        assertThat(describe(executionArn).path("status").asText()).isEqualTo("RUNNING");
        assertThat(history(executionArn)).noneSatisfy(event ->
                assertThat(event.path("type").asText()).isIn("TaskTimedOut", "ExecutionTimedOut"));
    }

    @Test
    void aMalformedTaskTokenIsRefusedWithInvalidToken() {
        AwsCli.Result result = aws().run("stepfunctions", "send-task-success", "--task-token", "not-a-token",
                "--task-output", "{}");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("(InvalidToken)");
    }

    @Test
    void aWellFormedTokenNobodyIssuedIsRefusedWithTaskDoesNotExist() {
        AwsCli.Result result = aws().run("stepfunctions", "send-task-success", "--task-token", "AQ" + "A".repeat(256),
                "--task-output", "{}");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("(TaskDoesNotExist)");
    }

    @Test
    void aTokenAlreadyAnsweredIsRefusedWithTaskTimedOut() {
        String executionArn = startCallbackExecution();
        String token = taskToken(executionArn);
        aws().run("stepfunctions", "send-task-success", "--task-token", token, "--task-output", "{}").json();

        AwsCli.Result again = aws().run("stepfunctions", "send-task-success", "--task-token", token, "--task-output", "{}");

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.errors()).contains("(TaskTimedOut)");
    }

    /** The CLI for serve, signing for the target region, where the controller runs. */
    private static AwsCli aws() {
        return SERVE.in(REGION);
    }

    /** The test launch of {@link #LAUNCHED_BY_TEST}, started once its replication allows it (one job per server). */
    private static synchronized JsonNode startedTestJob() {
        if (startedTestJob == null) {
            awaitLifecycle(LAUNCHED_BY_TEST, "READY_FOR_TEST");
            AwsCli.Result started = aws().run("mgn", "start-test", "--source-server-ids", LAUNCHED_BY_TEST);
            assertThat(started.exitCode()).isZero();
            startedTestJob = started.json();
        }
        return startedTestJob;
    }

    /** The demo wave, started once from the CLI as the README shows. */
    private static synchronized String demoExecution() {
        if (demoExecutionArn == null) {
            AwsCli.Result started = aws().run("stepfunctions", "start-execution", "--state-machine-arn", WAVE_STATE_MACHINE,
                    "--name", "demo-1", "--input", "file://events/demo-wave.json");
            assertThat(started.exitCode()).isZero();
            assertThat(started.json().path("startDate").isNumber()).isTrue();
            demoExecutionArn = started.json().path("executionArn").asText();
        }
        return demoExecutionArn;
    }

    /**
     * A state machine of one {@code .waitForTaskToken} task that invokes the reconciler (harmless:
     * it only sweeps the waits) with the token in its payload, so that the token can be read from
     * the execution's history; it waits until the token is answered.
     */
    private static synchronized String callbackMachine() {
        if (callbackMachineArn == null) {
            String definition = """
                    {"Comment": "Waits for an operator's answer",
                     "StartAt": "AwaitOperator",
                     "States": {"AwaitOperator": {
                       "Type": "Task",
                       "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                       "Parameters": {"FunctionName": "ReconcilerFunction",
                                      "Payload": {"detail-type": "Scheduled Event", "source": "aws.events",
                                                  "taskToken.$": "$$.Task.Token"}},
                       "HeartbeatSeconds": 86400,
                       "End": true}}}
                    """;
            AwsCli.Result created = aws().run("stepfunctions", "create-state-machine", "--name", "operator-callback",
                    "--definition", definition, "--role-arn", "arn:aws:iam::" + ACCOUNT + ":role/ferry-local");
            assertThat(created.exitCode()).isZero();
            assertThat(created.json().path("creationDate").isNumber()).isTrue();
            callbackMachineArn = created.json().path("stateMachineArn").asText();
        }
        return callbackMachineArn;
    }

    private static synchronized String startCallbackExecution() {
        String name = "operator-" + ++executions;
        return aws().run("stepfunctions", "start-execution", "--state-machine-arn", callbackMachine(), "--name", name,
                "--input", "{\"request\":\"" + name + "\"}").json().path("executionArn").asText();
    }

    /** The task token as the TaskScheduled event of the callback task shows it in its parameters. */
    private static String taskToken(String executionArn) {
        JsonNode events = SERVE.eventually(() -> history(executionArn),
                history -> contains(history, "TaskScheduled", null));
        for (JsonNode event : events) {
            if (event.path("type").asText().equals("TaskScheduled")) {
                try {
                    JsonNode parameters = JSON.readTree(event.path("taskScheduledEventDetails").path("parameters").asText());
                    return parameters.path("Payload").path("taskToken").asText();
                } catch (IOException e) {
                    throw new AssertionError("TaskScheduled parameters are not JSON: " + event, e);
                }
            }
        }
        throw new AssertionError("No TaskScheduled event in " + events);
    }

    private static JsonNode describe(String executionArn) {
        return aws().run("stepfunctions", "describe-execution", "--execution-arn", executionArn).json();
    }

    private static JsonNode history(String executionArn) {
        return aws().run("stepfunctions", "get-execution-history", "--execution-arn", executionArn).json().path("events");
    }

    private static boolean contains(JsonNode events, String type, String stateName) {
        for (JsonNode event : events) {
            if (event.path("type").asText().equals(type)
                    && (stateName == null || stateName.equals(event.path("stateExitedEventDetails").path("name").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<JsonNode> hasStatus(String status) {
        return execution -> status.equals(execution.path("status").asText());
    }

    private static void awaitLifecycle(String sourceServerId, String state) {
        SERVE.eventually(() -> aws().run("mgn", "describe-source-servers", "--filters",
                        "sourceServerIDs=" + sourceServerId).json(),
                answer -> state.equals(answer.path("items").path(0).path("lifeCycle").path("state").asText()));
    }
}
