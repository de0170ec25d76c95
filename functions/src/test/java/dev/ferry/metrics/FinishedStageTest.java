package dev.ferry.metrics;

import dev.ferry.server.ServerRecord;
import dev.ferry.server.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FinishedStageTest {

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    /** A server that joined at START and went through these stages, one minute apart from START + offset. */
    static ServerRecord through(String id, int offsetMinutes, Stage... stages) {
        ServerRecord server = ServerRecord.joining("media-1", id, id, null, START);
        Instant at = START.plus(Duration.ofMinutes(offsetMinutes));
        for (Stage stage : stages) {
            at = at.plus(Duration.ofMinutes(1));
            server = server.enteringStage(stage, at);
        }
        return server;
    }

    static Instant minute(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aStageIsFinishedOnlyWhenNoServerStillMovingIsInItOrBeforeIt() {
        ServerRecord validated = through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH,
                Stage.TEST_VALIDATION, Stage.READY_FOR_CUTOVER);
        ServerRecord stillValidating = through("s-2", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH,
                Stage.TEST_VALIDATION);

        List<FinishedStage> finished = FinishedStage.in(List.of(validated, stillValidating));

        assertThat(finished).extracting(FinishedStage::stage)
                .containsExactly(Stage.PREFLIGHT, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH);
    }

    @Test
    void aServerThatFailedOrWasLeftOutInAStageCountsThereAndNoLongerHoldsItOpen() {
        ServerRecord passed = through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH);
        ServerRecord failed = through("s-2", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION)
                .failed("replication stalled", minute(30));
        ServerRecord leftOut = through("s-3", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION)
                .leftOut("not ready in time", minute(40));

        FinishedStage replication = FinishedStage.in(List.of(passed, failed, leftOut)).stream()
                .filter(stage -> stage.stage() == Stage.REPLICATION).findFirst().orElseThrow();

        assertThat(replication.count(StageOutcome.PASSED)).isEqualTo(1);
        assertThat(replication.count(StageOutcome.FAILED)).isEqualTo(1);
        assertThat(replication.count(StageOutcome.LEFT_OUT)).isEqualTo(1);
    }

    @Test
    void theDurationRunsFromTheFirstServerEnteringTheStageToTheLastLeavingOrEndingInIt() {
        ServerRecord early = through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION, Stage.TEST_LAUNCH);
        ServerRecord late = through("s-2", 20, Stage.PREPARE_LAUNCH, Stage.REPLICATION)
                .failed("replication stalled", minute(95));

        FinishedStage replication = FinishedStage.in(List.of(early, late)).stream()
                .filter(stage -> stage.stage() == Stage.REPLICATION).findFirst().orElseThrow();

        // early entered REPLICATION at minute 2, late failed in it at minute 95.
        assertThat(replication.duration()).isEqualTo(Duration.ofMinutes(93));
    }

    @Test
    void aStageNoServerEnteredIsNotReportedAndTheEndIsNoStage() {
        ServerRecord skippedTheTest = through("s-1", 0, Stage.PREPARE_LAUNCH, Stage.REPLICATION,
                Stage.READY_FOR_CUTOVER, Stage.APPROVAL, Stage.CUTOVER_LAUNCH, Stage.CUTOVER_VALIDATION)
                .cutOver(minute(60));

        List<FinishedStage> finished = FinishedStage.in(List.of(skippedTheTest));

        assertThat(finished).extracting(FinishedStage::stage).containsExactly(Stage.PREFLIGHT, Stage.PREPARE_LAUNCH,
                Stage.REPLICATION, Stage.READY_FOR_CUTOVER, Stage.APPROVAL, Stage.CUTOVER_LAUNCH,
                Stage.CUTOVER_VALIDATION);
        assertThat(finished).allSatisfy(stage -> assertThat(stage.count(StageOutcome.PASSED)).isEqualTo(1));
    }
}
