package dev.ferry.local.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.mgn.model.LaunchKind;
import dev.ferry.local.mgn.model.TargetInstance;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.server.WaveReport;
import dev.ferry.sfn.TaskAttempt;
import dev.ferry.testing.ProjectFolder;
import dev.ferry.waits.Wait;
import dev.ferry.waits.WaitKind;
import dev.ferry.wave.Policies.OnServerFailure;
import dev.ferry.wave.Policies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InvariantsTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ONE = "s-00000000000000001";
    private static final String TWO = "s-00000000000000002";
    private static final ApprovalsSeen APPROVED = new ApprovalsSeen(List.of("APPROVED"), true, false);
    private static final Policies FINALIZE_AND_ARCHIVE = new Policies(OnServerFailure.CONTINUE, false, true, true);

    @Test
    void aWaveWhoseEveryEffectHappenedOnceHoldsThemAll() {
        assertThat(Invariants.violations(2, FINALIZE_AND_ARCHIVE, report(cutOver(ONE), cutOver(TWO)),
                List.of(batch("StartTest", ONE, TWO), batch("StartCutover", ONE, TWO), single("FinalizeCutover", ONE),
                        single("FinalizeCutover", TWO), single("MarkAsArchived", ONE), single("MarkAsArchived", TWO)),
                List.of(running("i-cutover-" + ONE, ONE), running("i-cutover-" + TWO, TWO)), List.of(), APPROVED, Set.of()))
                .isEmpty();
    }

    @Test
    void eachBrokenInvariantIsNamedWithItsServers() {
        List<String> violations = Invariants.violations(3, FINALIZE_AND_ARCHIVE, report(cutOver(ONE), cutOver(TWO)),
                List.of(batch("StartTest", ONE, TWO), batch("StartTest", ONE), single("FinalizeCutover", ONE),
                        single("FinalizeCutover", ONE), failed("FinalizeCutover", TWO), single("MarkAsArchived", ONE),
                        single("MarkAsArchived", TWO)),
                List.of(running("i-stray", TWO)), List.of(Wait.open("wave-1", WaitKind.CUTOVER_LAUNCH, "token",
                        new TaskAttempt(AT, 0), "arn:aws:states:eu-central-1:111122223333:execution:ferry:wave-1", AT, AT)),
                new ApprovalsSeen(List.of("APPROVED", "WAITING"), true, false), Set.of());

        assertThat(violations).containsExactly(
                "servers lost: the wave has 3 servers, the report accounts for 2",
                "StartTest succeeded more than once for " + ONE + " (2 times)",
                "FinalizeCutover did not succeed exactly once for each server cut over: " + ONE + " (2 times), "
                        + TWO + " (0 times)",
                "instances left running that the report does not name: i-stray (CUTOVER of " + TWO + ")",
                "waits left pending: wave-1#CUTOVER_LAUNCH",
                "approval decided twice: the wave has 2 approvals [APPROVED, WAITING]");
    }

    @Test
    void aCallTheSdkReSentAfterItsAnswerWasLostIsOneCallButTwoCallsAreTwo() {
        ApiCall archived = new ApiCall("MarkAsArchived", "{\"sourceServerID\":\"" + ONE + "\"}", 200, AT, "invocation-1");
        ApiCall reSent = new ApiCall("MarkAsArchived", "{\"sourceServerID\":\"" + ONE + "\"}", 200, AT, "invocation-1");
        ApiCall archivedAgain = new ApiCall("MarkAsArchived", "{\"sourceServerID\":\"" + ONE + "\"}", 200, AT,
                "invocation-2");
        List<ApiCall> finalized = List.of(single("FinalizeCutover", ONE));

        assertThat(Invariants.violations(1, FINALIZE_AND_ARCHIVE, report(cutOver(ONE)),
                concat(finalized, archived, reSent), List.of(running("i-cutover-" + ONE, ONE)), List.of(), APPROVED, Set.of()))
                .isEmpty();
        assertThat(Invariants.violations(1, FINALIZE_AND_ARCHIVE, report(cutOver(ONE)),
                concat(finalized, archived, reSent, archivedAgain), List.of(running("i-cutover-" + ONE, ONE)), List.of(),
                APPROVED, Set.of()))
                .containsExactly("MarkAsArchived did not succeed exactly once for each server cut over: " + ONE
                        + " (2 times)");
    }

    @Test
    void aServerNotCutOverMustNotBeFinalized() {
        List<String> violations = Invariants.violations(1, FINALIZE_AND_ARCHIVE, report(failed(ONE)),
                List.of(single("FinalizeCutover", ONE)), List.of(), List.of(), APPROVED, Set.of());

        assertThat(violations).containsExactly("FinalizeCutover did not succeed exactly once for each server cut over: "
                + ONE + " (not cut over, 1 times)");
    }

    @Test
    void aWaveThatWentAnotherWayThanItsRecordedDecisionBreaksTheApprovalInvariant() {
        assertThat(approvalViolations(new ApprovalsSeen(List.of("REJECTED"), true, false)))
                .containsExactly("approval decided twice: the wave cut over, but the recorded decision is REJECTED");
        assertThat(approvalViolations(new ApprovalsSeen(List.of("APPROVED"), false, true)))
                .containsExactly("approval decided twice: the wave took the rejection, but the recorded decision is APPROVED");
        assertThat(approvalViolations(new ApprovalsSeen(List.of("APPROVED"), true, true)))
                .containsExactly("approval decided twice: the wave went both to cutover and to the rejection");
        assertThat(approvalViolations(new ApprovalsSeen(List.of(), true, false)))
                .containsExactly("approval decided twice: the wave cut over, but the recorded decision is none");
    }

    @Test
    void aRejectedWaveAndAWaveThatNeverAskedHoldTheApprovalInvariant() {
        assertThat(approvalViolations(new ApprovalsSeen(List.of("REJECTED"), false, true))).isEmpty();
        assertThat(approvalViolations(ApprovalsSeen.NONE)).isEmpty();
        assertThat(approvalViolations(new ApprovalsSeen(List.of("WAITING"), false, false))).isEmpty();
    }

    @Test
    void theStatesTheApprovalInvariantWatchesAreTheStateMachinesOwn() throws Exception {
        JsonNode states = new ObjectMapper().readTree(ProjectFolder.root().resolve("statemachine/wave.asl.json")
                .toFile()).path("States");

        assertThat(states.path("RequestApproval").path("Next").asText()).isEqualTo(ApprovalsSeen.CUTOVER_STATE);
        assertThat(states.path("RequestApproval").path("Catch")).anySatisfy(katch -> {
            assertThat(katch.path("ErrorEquals").toString()).contains("ApprovalRejected");
            assertThat(katch.path("Next").asText()).isEqualTo(ApprovalsSeen.REJECTED_STATE);
        });
    }

    @Test
    void theCallsAndInstancesOfServersAnotherWaveMovedAreThatWavesToAccountFor() {
        List<ApiCall> bothWaves = List.of(batch("StartTest", ONE), batch("StartTest", TWO), batch("StartCutover", ONE),
                batch("StartCutover", TWO), single("FinalizeCutover", ONE), single("FinalizeCutover", TWO),
                single("MarkAsArchived", ONE), single("MarkAsArchived", TWO));
        List<TargetInstance> instances = List.of(running("i-cutover-" + ONE, ONE), running("i-cutover-" + TWO, TWO));

        assertThat(Invariants.violations(1, FINALIZE_AND_ARCHIVE, report(cutOver(ONE)), bothWaves, instances,
                List.of(), APPROVED, Set.of(TWO))).isEmpty();
        assertThat(Invariants.violations(1, FINALIZE_AND_ARCHIVE, report(cutOver(ONE)), bothWaves, instances,
                List.of(), APPROVED, Set.of())).contains(
                "FinalizeCutover did not succeed exactly once for each server cut over: " + TWO
                        + " (not cut over, 1 times)");
    }

    /** The violations of a wave with nothing wrong but its approval. */
    private static List<String> approvalViolations(ApprovalsSeen approvals) {
        return Invariants.violations(0, FINALIZE_AND_ARCHIVE, report(), List.of(), List.of(), List.of(), approvals, Set.of());
    }

    private static List<ApiCall> concat(List<ApiCall> first, ApiCall... more) {
        return Stream.concat(first.stream(), Arrays.stream(more)).toList();
    }

    private static WaveReport report(ServerOutcome... servers) {
        return WaveReport.complete("wave-1", "wave-1", "SUCCEEDED", null, List.of(servers), null, List.of(), List.of());
    }

    private static ServerOutcome cutOver(String server) {
        return new ServerOutcome(server, server, ServerOutcome.CUT_OVER, Stage.DONE, null, "i-test-" + server,
                "i-cutover-" + server, Map.of(), null);
    }

    private static ServerOutcome failed(String server) {
        return new ServerOutcome(server, server, ServerOutcome.FAILED, Stage.CUTOVER_VALIDATION, "refused", null,
                null, Map.of(), null);
    }

    private static ApiCall batch(String operation, String... servers) {
        return new ApiCall(operation, "{\"sourceServerIDs\":[\"" + String.join("\",\"", servers) + "\"]}", 202, AT);
    }

    private static ApiCall single(String operation, String server) {
        return new ApiCall(operation, "{\"sourceServerID\":\"" + server + "\"}", 200, AT);
    }

    private static ApiCall failed(String operation, String server) {
        return new ApiCall(operation, "{\"sourceServerID\":\"" + server + "\"}", 409, AT);
    }

    private static TargetInstance running(String instanceId, String server) {
        return new TargetInstance(instanceId, server, "i-source", "host", LaunchKind.CUTOVER, "127.0.10.1",
                InstanceState.RUNNING, false, "lt-1", "mgnjob-1", AT);
    }
}
