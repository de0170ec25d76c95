package dev.ferry.local.rehearsal.scenario;

import dev.ferry.local.cloud.events.EventTargetInvocation;
import dev.ferry.local.cloud.events.ScheduleRule;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.server.WaveReport.ServerOutcome;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test, lost MGN events ({@code events/rehearsal/lost-events-*.json}): the happy
 * path's servers, every one of whose events EventBridge loses. Only the reconciler's schedule
 * (template.yaml) can notice what MGN did.
 */
class LostEventsRehearsalIntegrationTest {

    private static ScenarioRun run;

    @BeforeAll
    static void rehearse() {
        run = Scenario.named("lost-events").rehearse(ApprovalMode.AUTO);
    }

    @Test
    void theWaveStillCutsOverEveryServer() {
        assertThat(run.result().exitCode()).isZero();
        assertThat(run.result().servers()).hasSize(3)
                .allSatisfy(server -> assertThat(server.outcome()).isEqualTo(ServerOutcome.CUT_OVER));
    }

    @Test
    void mgnEmittedEventsButNoneReachedTheEventRouter() {
        assertThat(run.result().mgnEvents()).isNotEmpty();
        assertThat(run.result().eventInvocations()).extracting(EventTargetInvocation::function)
                .isNotEmpty()
                .containsOnly("ReconcilerFunction");
    }

    @Test
    void theReconcilerReleasedEveryWaitOnce() {
        assertThat(run.releases()).extracting(WaitReleases.Release::kind)
                .containsExactlyInAnyOrder("REPLICATION", "TEST_LAUNCH", "CUTOVER_LAUNCH");
        assertThat(run.releases()).allSatisfy(release -> {
            assertThat(release.function()).isEqualTo("ReconcilerFunction");
            assertThat(release.alreadyEnded()).isFalse();
        });
    }

    @Test
    void theWaveTakesAtMostOneReconcilerPeriodLongerThanWithoutLoss() {
        Duration period = reconcilerPeriod();
        Duration withoutLoss = Scenario.happyPath().result().simulatedDuration();

        assertThat(run.result().simulatedDuration()).isGreaterThanOrEqualTo(withoutLoss)
                .isLessThanOrEqualTo(withoutLoss.plus(period));
    }

    private static Duration reconcilerPeriod() {
        return ProjectTemplate.load(ProjectFolder.root()).schedules().stream()
                .filter(schedule -> schedule.function().equals("ReconcilerFunction"))
                .map(ScheduleRule::rate)
                .findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml schedules no ReconcilerFunction"));
    }
}
