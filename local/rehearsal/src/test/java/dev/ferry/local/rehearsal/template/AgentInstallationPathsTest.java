package dev.ferry.local.rehearsal.template;

import dev.ferry.local.engine.ExecutionDescription;
import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.local.engine.LocalStepFunctions;
import dev.ferry.local.engine.lambda.InvocationResult;
import dev.ferry.local.engine.time.Scheduler;
import dev.ferry.local.engine.time.VirtualClock;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent installation paths of the deployed state machine (statemachine/wave.asl.json, with the
 * template's substitutions), run on the local engine with scripted stage functions.
 */
class AgentInstallationPathsTest {

    private static final String REGION = "eu-central-1";
    private static final String ACCOUNT = "111122223333";
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final String PROGRESS = "{\"waveId\":\"w\",\"total\":1,\"active\":%d,\"failed\":0,\"leftOut\":0,"
            + "\"pending\":0,\"stopped\":%b}";

    private final VirtualClock clock = new VirtualClock(START);
    private final Scheduler scheduler = new Scheduler(clock);
    private final Map<String, Deque<InvocationResult>> answers = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final LocalStepFunctions engine = LocalStepFunctions.builder(scheduler, this::invoke)
            .region(REGION).accountId(ACCOUNT).build();
    private String executionArn;

    @Test
    void aWaveWithoutAgentsToInstallGoesFromPreflightStraightToItsUsualStages() {
        answer("PreflightFunction", preflight(false));
        answer("PrepareLaunchFunction", InvocationResult.error("dev.ferry.server.UnknownWaveException", "stop here"));
        answer("ReportFunction", report("FAILED"));

        run();

        assertThat(calls).containsExactly("PreflightFunction", "PrepareLaunchFunction", "ReportFunction");
    }

    @Test
    void installationIsCalledAgainAfterAWaitWhileUnfinishedThenTheWaveGoesOn() {
        answer("PreflightFunction", preflight(true));
        answer("InstallAgentsFunction", agents(false, 1, false), agents(true, 1, false));
        answer("PrepareLaunchFunction", InvocationResult.error("dev.ferry.server.UnknownWaveException", "stop here"));
        answer("ReportFunction", report("FAILED"));

        run();

        assertThat(calls).containsExactly("PreflightFunction", "InstallAgentsFunction", "InstallAgentsFunction",
                "PrepareLaunchFunction", "ReportFunction");
        assertThat(enteredStates()).containsSubsequence("BeforeInstallAgents", "InstallAgents", "AfterInstallAgents",
                "WaitForAgentInstallation", "InstallAgents", "AfterInstallAgents", "AfterPreflight", "PrepareLaunch");
    }

    @Test
    void aWaveStoppedByAFailedInstallationGoesToItsReport() {
        answer("PreflightFunction", preflight(true));
        answer("InstallAgentsFunction", agents(true, 1, true));
        answer("ReportFunction", report("STOPPED"));

        ExecutionDescription execution = run();

        assertThat(calls).containsExactly("PreflightFunction", "InstallAgentsFunction", "ReportFunction");
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("WaveStopped");
    }

    @Test
    void aWaveLeftWithoutServersAfterItsInstallationsGoesToItsReport() {
        answer("PreflightFunction", preflight(true));
        answer("InstallAgentsFunction", agents(true, 0, false));
        answer("ReportFunction", report("COMPLETED"));

        ExecutionDescription execution = run();

        assertThat(calls).containsExactly("PreflightFunction", "InstallAgentsFunction", "ReportFunction");
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aFailingInstallationStageIsReportedAsAnError() {
        answer("PreflightFunction", preflight(true));
        answer("InstallAgentsFunction", InvocationResult.error("dev.ferry.server.UnknownWaveException", "gone"));
        answer("ReportFunction", report("FAILED"));

        ExecutionDescription execution = run();

        assertThat(enteredStates()).contains("ReportError");
        assertThat(execution.error()).isEqualTo("WaveFailed");
    }

    private ExecutionDescription run() {
        String machine = engine.createStateMachine("WaveStateMachine",
                ProjectTemplate.load(ProjectFolder.root()).stateMachineDefinition(REGION, ACCOUNT),
                "arn:aws:iam::" + ACCOUNT + ":role/states").arn();
        executionArn = engine.startExecution(machine, "w", "{}").executionArn();
        scheduler.runUntil(() -> engine.describeExecution(executionArn).status() != ExecutionStatus.RUNNING,
                START.plus(Duration.ofDays(1)));
        return engine.describeExecution(executionArn);
    }

    private List<String> enteredStates() {
        return engine.getExecutionHistory(executionArn).stream()
                .filter(event -> event.type().wireName().endsWith("StateEntered"))
                .map(event -> event.detail("name").orElseThrow())
                .toList();
    }

    private void answer(String function, InvocationResult... results) {
        answers.put(function, new ArrayDeque<>(List.of(results)));
    }

    private InvocationResult invoke(String functionArn, byte[] payload) {
        String function = functionArn.split(":")[6];
        calls.add(function);
        Deque<InvocationResult> queue = answers.get(function);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("unexpected call of " + function);
        }
        return queue.size() == 1 ? queue.peek() : queue.poll();
    }

    private static InvocationResult preflight(boolean installAgents) {
        return InvocationResult.success("{\"waveId\":\"w\",\"limits\":{\"replicationSeconds\":3600,\"launchSeconds\":"
                + "3600,\"approvalSeconds\":3600},\"options\":{\"skipTestLaunch\":false,\"finalizeCutover\":true,"
                + "\"prepareNetwork\":false,\"switchDns\":false,\"installAgents\":" + installAgents + "},\"progress\":"
                + PROGRESS.formatted(installAgents ? 0 : 1, false) + "}");
    }

    private static InvocationResult agents(boolean done, int active, boolean stopped) {
        return InvocationResult.success("{\"waveId\":\"w\",\"done\":" + done + ",\"total\":1,\"pending\":"
                + (done ? 0 : 1) + ",\"registered\":" + active + ",\"failed\":0,\"leftOut\":0,\"progress\":"
                + PROGRESS.formatted(active, stopped) + "}");
    }

    private static InvocationResult report(String status) {
        return InvocationResult.success("{\"waveId\":\"w\",\"status\":\"" + status + "\",\"reason\":\"why\"}");
    }
}
