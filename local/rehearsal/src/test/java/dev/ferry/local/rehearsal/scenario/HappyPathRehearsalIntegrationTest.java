package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.engine.ExecutionStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveReport.ServerOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, the happy path ({@code events/rehearsal/happy-path-*.json}): three servers
 * without faults, approved, rehearsed with the project's state machine and handlers against the
 * simulated MGN, DynamoDB Local and the local EventBridge.
 */
class HappyPathRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.happyPath();
    }

    @Test
    void everyServerIsCutOverAndTheRehearsalExitsWithZero() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.result().report().status()).isEqualTo("COMPLETED");
        assertThat(run.result().servers()).extracting(ServerOutcome::server)
                .containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().servers()).allSatisfy(server -> {
            assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER);
            assertThat(server.stage()).isEqualTo(Stage.DONE);
            assertThat(server.reason()).isNull();
            assertThat(server.testInstanceId()).startsWith("i-");
            assertThat(server.cutoverInstanceId()).startsWith("i-");
        });
    }

    @Test
    void theTestAndTheCutoverEachLaunchEveryServerInOneMgnJob() {
        assertThat(run.result().successfulCalls("StartTest")).hasSize(1);
        assertThat(run.result().serversCalledWith("StartTest")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().successfulCalls("StartCutover")).hasSize(1);
        assertThat(run.result().serversCalledWith("StartCutover")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
    }

    @Test
    void everyServerIsMarkedReadyForCutoverThenFinalizedOnce() {
        assertThat(run.serversMovedTo("READY_FOR_CUTOVER")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(run.result().serversCalledWith("FinalizeCutover")).containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
    }

    @Test
    void nothingIsRetriedTerminatedOrRolledBack() {
        assertThat(run.calls("RetryDataReplication")).isEmpty();
        assertThat(run.calls("TerminateTargetInstances")).isEmpty();
        assertThat(run.serversMovedTo("READY_FOR_TEST")).isEmpty();
    }

    @Test
    void theEventRouterReleasesEachWaitOnceOnMgnsEvents() {
        assertThat(run.releases()).extracting(WaitReleases.Release::kind)
                .containsExactlyInAnyOrder("REPLICATION", "TEST_LAUNCH", "CUTOVER_LAUNCH");
        assertThat(run.releases()).allSatisfy(release -> {
            assertThat(release.function()).isEqualTo("EventRouterFunction");
            assertThat(release.alreadyEnded()).isFalse();
        });
    }
}
