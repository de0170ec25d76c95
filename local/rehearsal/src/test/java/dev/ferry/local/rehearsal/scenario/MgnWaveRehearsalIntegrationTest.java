package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.rehearsal.ApprovalMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ferry.local.rehearsal.scenario.Scenario.THREE_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, a wave with {@code mgnWave} ({@code events/rehearsal/mgn-wave-*.json}): the
 * happy path's three servers, put in an MGN wave and application that are archived at the end,
 * while Lambda loses the result of one invocation in five after its handler ran (seeded so that
 * Preflight's first two attempts are among them: it runs three times).
 */
class MgnWaveRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("mgn-wave").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theWaveIsCutOverWithItsMgnWaveAndApplicationArchivedAsTheSummaryShows() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().mgnGroups()).singleElement().asString()
                .startsWith("MGN wave \"Media stack, wave 1\" (wave-")
                .contains(" archived: application \"media-stack\" (app-")
                .endsWith(" with 3 servers, archived");
    }

    @Test
    void preflightRetriedAfterLostResultsMadeOneWaveAndOneApplication() {
        assertThat(run.result().faults().faultsMet()).containsEntry("PreflightFunction", 2);
        assertThat(run.result().successfulCalls("CreateWave")).hasSize(1);
        assertThat(run.result().successfulCalls("CreateApplication")).hasSize(1);
        assertThat(run.result().successfulCalls("AssociateApplications")).hasSize(1);
    }

    @Test
    void everyServerIsPutInTheApplicationOnceBeforeAnyLaunch() {
        List<ApiCall> associations = run.result().successfulCalls("AssociateSourceServers");
        assertThat(associations).hasSize(1);
        assertThat(run.result().serversCalledWith("AssociateSourceServers"))
                .containsExactlyInAnyOrderElementsOf(THREE_SERVERS);
        assertThat(associations.getFirst().time()).isBefore(run.result().successfulCalls("StartTest").getFirst().time());
    }

    @Test
    void theApplicationIsArchivedAfterItsLastServerAndTheWaveAfterTheApplication() {
        ApiCall application = run.result().successfulCalls("ArchiveApplication").getFirst();
        ApiCall wave = run.result().successfulCalls("ArchiveWave").getFirst();
        assertThat(run.result().successfulCalls("ArchiveApplication")).hasSize(1);
        assertThat(run.result().successfulCalls("ArchiveWave")).hasSize(1);
        assertThat(run.result().successfulCalls("MarkAsArchived")).hasSize(3)
                .allSatisfy(archived -> assertThat(archived.time()).isBeforeOrEqualTo(application.time()));
        assertThat(wave.time()).isAfterOrEqualTo(application.time());
    }
}
