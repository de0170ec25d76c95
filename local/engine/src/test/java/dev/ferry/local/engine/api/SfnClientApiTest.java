package dev.ferry.local.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Drives the engine through the real AWS SDK v2 Step Functions client over HTTP on 127.0.0.1, so the
 * wire format and error codes are checked by the SDK's own unmarshallers.
 */
class SfnClientApiTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ROLE = "arn:aws:iam::123456789012:role/ferry-states";
    private static final String APPROVAL = """
            {"StartAt": "Approve", "States": {
              "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                          "Parameters": {"FunctionName": "notify", "Payload": {"token.$": "$$.Task.Token"}},
                          "HeartbeatSeconds": 600, "TimeoutSeconds": 3600, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}""";

    private final VirtualClock clock = new VirtualClock(START);
    private final Scheduler scheduler = new Scheduler(clock);
    private final AtomicReference<String> token = new AtomicReference<>();
    private LocalStepFunctions engine;
    private StepFunctionsHttpServer server;
    private SfnClient sfn;

    @BeforeEach
    void startServerAndClient() throws Exception {
        engine = LocalStepFunctions.builder(scheduler, (function, payload) -> {
            token.set(new String(payload).replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
            return InvocationResult.success("{}");
        }).random(new SplittableRandom(11)).build();
        server = StepFunctionsHttpServer.start(new StepFunctionsApiHandler(engine),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sfn = SfnClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
    }

    @Test
    void aStateMachineCanBeCreatedListedAndDescribed() {
        String arn = sfn.createStateMachine(r -> r.name("wave").definition(APPROVAL).roleArn(ROLE)).stateMachineArn();

        List<StateMachineListItem> machines = sfn.listStateMachines(r -> { }).stateMachines();
        var description = sfn.describeStateMachine(r -> r.stateMachineArn(arn));

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:wave");
        assertThat(machines).extracting(StateMachineListItem::name).containsExactly("wave");
        assertThat(description.definition()).isEqualTo(APPROVAL);
        assertThat(description.roleArn()).isEqualTo(ROLE);
        assertThat(description.creationDate()).isEqualTo(START);
    }

    @Test
    void anExecutionRunsAndIsDescribedListedAndHistoriedWithVirtualTimestamps() {
        String machine = createApprovalMachine();

        var started = sfn.startExecution(r -> r.stateMachineArn(machine).name("wave-1").input("{\"wave\": 1}"));
        scheduler.runUntil(() -> token.get() != null, START.plus(Duration.ofDays(1)));
        clock.advanceBy(Duration.ofMinutes(5));
        sfn.sendTaskHeartbeat(r -> r.taskToken(token.get()));
        sfn.sendTaskSuccess(r -> r.taskToken(token.get()).output("{\"approved\": true}"));
        scheduler.runUntil(() -> !engine.hasRunningExecutions(), START.plus(Duration.ofDays(1)));

        var described = sfn.describeExecution(r -> r.executionArn(started.executionArn()));
        assertThat(started.startDate()).isEqualTo(START);
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.output()).isEqualTo("{\"approved\":true}");
        assertThat(described.stopDate()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("wave-1"));

        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(started.executionArn())).events();
        assertThat(events).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED,
                HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED,
                HistoryEventType.TASK_STATE_EXITED, HistoryEventType.SUCCEED_STATE_ENTERED,
                HistoryEventType.SUCCEED_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.getFirst().executionStartedEventDetails().input()).isEqualTo("{\"wave\": 1}");
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke.waitForTaskToken");
        assertThat(events.get(2).taskScheduledEventDetails().heartbeatInSeconds()).isEqualTo(600L);
        assertThat(events.get(5).timestamp()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(events.get(5).previousEventId()).isEqualTo(5L);
    }

    @Test
    void historyPagesFollowNextTokens() {
        String machine = createApprovalMachine();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        scheduler.runUntil(() -> token.get() != null, START.plus(Duration.ofDays(1)));

        List<HistoryEvent> all = sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution).maxResults(2))
                .events().stream().toList();

        assertThat(all).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void stopExecutionAbortsIt() {
        String machine = createApprovalMachine();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

        var stopped = sfn.stopExecution(r -> r.executionArn(execution).error("Operator").cause("postponed"));

        var described = sfn.describeExecution(r -> r.executionArn(execution));
        assertThat(stopped.stopDate()).isEqualTo(START);
        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.error()).isEqualTo("Operator");
    }

    @Test
    void sendTaskFailureFailsTheExecutionWithTheGivenError() {
        String machine = createApprovalMachine();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        scheduler.runUntil(() -> token.get() != null, START.plus(Duration.ofDays(1)));

        sfn.sendTaskFailure(r -> r.taskToken(token.get()).error("Rejected").cause("not today"));
        scheduler.runUntil(() -> !engine.hasRunningExecutions(), START.plus(Duration.ofDays(1)));

        var described = sfn.describeExecution(r -> r.executionArn(execution));
        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("Rejected");
        assertThat(described.cause()).isEqualTo("not today");
    }

    @Test
    void serviceErrorsReachTheSdkAsTheirOwnExceptionClasses() {
        String machine = createApprovalMachine();
        sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{}"));
        scheduler.runUntil(() -> token.get() != null, START.plus(Duration.ofDays(1)));
        scheduler.runUntil(() -> !engine.hasRunningExecutions(), START.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token.get()).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("AQ" + "A".repeat(256)).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken("garbage")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"x\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(
                "arn:aws:states:us-east-1:123456789012:execution:wave:missing")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("bad").roleArn(ROLE)
                .definition("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("State 'A': a state of this type must have either Next or");
    }

    @Test
    void anUnknownOperationIsAnErrorResponseNotAServerFailure() {
        ApiResponse response = new StepFunctionsApiHandler(engine).handle(
                java.util.Map.of("x-amz-target", List.of("AWSStepFunctions.DeleteStateMachine")), new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
    }

    private String createApprovalMachine() {
        return sfn.createStateMachine(r -> r.name("wave").definition(APPROVAL).roleArn(ROLE)).stateMachineArn();
    }
}
