package dev.ferry.waits;

import dev.ferry.mgn.Job;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.server.WaveProgress;
import dev.ferry.testing.FakeMgn;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchWaitTest {

    private final WaitsHarness harness = new WaitsHarness();

    private List<String> readyWave(int servers) {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, servers);
        ids.forEach(harness.mgn::readyForTest);
        return ids;
    }

    private List<List<String>> startedTestBatches(int calls) {
        assertThat(harness.mgn.startTestRequests()).hasSize(calls);
        return harness.mgn.startTestRequests();
    }

    @Test
    void beginningALaunchWaitMovesTheActiveServersIntoTheLaunchStage() {
        List<String> ids = readyWave(2);

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(ids).allSatisfy(id -> assertThat(harness.server(id).stage()).isEqualTo(Stage.TEST_LAUNCH));
    }

    @Test
    void twoHundredFiftyServersStartInBatchesOfAtMostOneHundredUpToTwoHundredInActiveJobs() {
        List<String> ids = readyWave(250);

        harness.begin(WaitKind.TEST_LAUNCH);

        List<List<String>> batches = startedTestBatches(2);
        assertThat(batches.get(0)).hasSize(100).isEqualTo(ids.subList(0, 100));
        assertThat(batches.get(1)).hasSize(100).isEqualTo(ids.subList(100, 200));
        assertThat(ids.subList(200, 250)).allSatisfy(id -> assertThat(harness.server(id).test()).isNull());
    }

    @Test
    void everyStartedServerRecordsItsJobAndLaunchStatus() {
        List<String> ids = readyWave(2);

        harness.begin(WaitKind.TEST_LAUNCH);

        Job job = harness.mgn.jobs().get(0);
        assertThat(harness.server(ids.get(0)).test())
                .isEqualTo(new ServerRecord.Launch(job.id(), "PENDING", null, harness.clock.instant()));
    }

    @Test
    void otherPeoplesActiveJobsCountAgainstTheAccountsTwoHundredServers() {
        List<String> ids = readyWave(120);
        harness.mgn.addForeignActiveJob("mgnjob-0000000000000f00d", 150);

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(startedTestBatches(1)).singleElement().isEqualTo(ids.subList(0, 50));
    }

    @Test
    void nothingStartsWhileTheAccountHasTwentyActiveJobs() {
        readyWave(10);
        for (int i = 0; i < 20; i++) {
            harness.mgn.addForeignActiveJob(String.format("mgnjob-%017x", 0xf000 + i), 1);
        }

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(harness.mgn.startTestRequests()).isEmpty();
    }

    @Test
    void theNineteenthActiveJobLeavesRoomForOneMoreStart() {
        readyWave(250);
        for (int i = 0; i < 19; i++) {
            harness.mgn.addForeignActiveJob(String.format("mgnjob-%017x", 0xf000 + i), 1);
        }

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(startedTestBatches(1)).singleElement().satisfies(batch -> assertThat(batch).hasSize(100));
    }

    @Test
    void theNextBatchStartsWhenAnEarlierJobCompletes() {
        List<String> ids = readyWave(250);
        harness.begin(WaitKind.TEST_LAUNCH);

        harness.mgn.launchAll(harness.mgn.jobs().get(0).id());
        harness.clock.advance(Duration.ofMinutes(5));
        harness.sweep.sweepAll();

        assertThat(startedTestBatches(3).get(2)).isEqualTo(ids.subList(200, 250));
    }

    @Test
    void aLaunchedServerMovesToTestValidationWithItsInstance() {
        List<String> ids = readyWave(1);
        harness.begin(WaitKind.TEST_LAUNCH);

        harness.mgn.launchAll(harness.mgn.jobs().get(0).id());
        harness.sweep.sweepAll();

        ServerRecord server = harness.server(ids.get(0));
        assertThat(server.stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(server.test().status()).isEqualTo("LAUNCHED");
        assertThat(server.test().instanceId()).isEqualTo(FakeMgn.instanceOf(ids.get(0)));
    }

    @Test
    void theWaitIsReleasedWhenNoActiveServerWaitsForItsLaunch() {
        List<String> ids = readyWave(2);
        harness.begin(WaitKind.TEST_LAUNCH);

        harness.mgn.failOne(harness.mgn.jobs().get(0).id(), ids.get(1));
        harness.sweep.sweepAll();

        assertThat(harness.sentProgress()).isEqualTo(new WaveProgress(WaitsHarness.WAVE_ID, 2, 1, 1, 0, 0, false, null));
    }

    @Test
    void aServerWhoseLaunchFailedInItsJobFailsWithAReasonNamingTheJob() {
        List<String> ids = readyWave(2);
        harness.begin(WaitKind.TEST_LAUNCH);
        String jobId = harness.mgn.jobs().get(0).id();

        harness.mgn.failOne(jobId, ids.get(1));
        harness.sweep.sweepAll();

        ServerRecord failed = harness.server(ids.get(1));
        assertThat(failed.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo(Stage.TEST_LAUNCH);
        assertThat(failed.failure().reason()).isEqualTo("test launch failed in MGN job " + jobId);
    }

    @Test
    void aJobStartedByAnEvaluationThatCrashedIsAdoptedAndNoServerIsStartedTwice() {
        List<String> ids = readyWave(150);
        harness.mgn.crashAfterNextStart();
        harness.begin(WaitKind.TEST_LAUNCH);
        String orphan = harness.mgn.jobs().get(0).id();

        harness.clock.advance(Duration.ofMinutes(3));
        harness.sweep.sweepAll();

        List<List<String>> batches = startedTestBatches(2);
        assertThat(batches.get(0)).isEqualTo(ids.subList(0, 100));
        assertThat(batches.get(1)).isEqualTo(ids.subList(100, 150));
        assertThat(harness.server(ids.get(0)).test().jobId()).isEqualTo(orphan);
    }

    @Test
    void aLaunchRefusedByMgnsAccountQuotaStartsNothingAndTheNextEvaluationStartsIt() {
        List<String> ids = readyWave(2);
        harness.mgn.quotaExceededOnNextStart();

        harness.begin(WaitKind.TEST_LAUNCH);
        assertThat(harness.mgn.jobs()).isEmpty();
        harness.clock.advance(Duration.ofMinutes(7));
        harness.sweep.sweepAll();

        assertThat(harness.mgn.jobs()).singleElement().satisfies(job ->
                assertThat(job.participants()).extracting(Job.Participant::sourceServerId).containsExactlyElementsOf(ids));
        assertThat(harness.server(ids.get(1)).test().jobId()).isEqualTo(harness.mgn.jobs().get(0).id());
    }

    @Test
    void aServerMgnRefusesToLaunchDoesNotHoldBackTheOthersInItsBatch() {
        List<String> ids = readyWave(5);
        harness.mgn.refusingToLaunch(ids.get(3));

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(harness.mgn.jobs()).flatExtracting(Job::participants).extracting(Job.Participant::sourceServerId)
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2), ids.get(4));
        assertThat(harness.server(ids.get(3)).test()).isNull();
        assertThat(harness.server(ids.get(3)).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void aServerMgnRefusedIsStartedByALaterEvaluationOnceMgnAcceptsIt() {
        List<String> ids = readyWave(3);
        harness.mgn.refusingToLaunch(ids.get(0));
        harness.begin(WaitKind.TEST_LAUNCH);
        harness.mgn.acceptingToLaunch(ids.get(0));

        harness.clock.advance(Duration.ofMinutes(7));
        harness.sweep.sweepAll();

        assertThat(harness.server(ids.get(0)).test()).isNotNull();
        assertThat(harness.mgn.jobs()).flatExtracting(Job::participants).extracting(Job.Participant::sourceServerId)
                .containsOnlyOnce(ids.toArray(String[]::new));
    }

    @Test
    void splittingARefusedBatchNeverStartsMoreJobsThanTheAccountAllows() {
        List<String> ids = readyWave(100);
        harness.mgn.addForeignActiveJob("mgnjob-0000000000000f00d", 1);
        List<String> refused = IntStream.range(0, 10).mapToObj(i -> ids.get(i * 10)).toList();
        refused.forEach(harness.mgn::refusingToLaunch);

        harness.begin(WaitKind.TEST_LAUNCH);

        List<Job> ours = harness.mgn.jobs().stream().filter(job -> !job.id().endsWith("f00d")).toList();
        assertThat(ours).isNotEmpty().hasSizeLessThanOrEqualTo(19);
        assertThat(ours).flatExtracting(Job::participants).extracting(Job.Participant::sourceServerId)
                .doesNotContainAnyElementsOf(refused);
    }

    @Test
    void aTestJobFromBeforeTheStageBeganIsNotAdopted() {
        List<String> ids = readyWave(1);
        harness.mgn.addJob(new Job("mgnjob-00000000000000old", "LAUNCH", "START_TEST", "COMPLETED",
                harness.clock.instant().minus(Duration.ofHours(5)),
                List.of(new Job.Participant(ids.get(0), "LAUNCHED", "i-0old"))));

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(startedTestBatches(1)).singleElement().isEqualTo(ids);
    }

    @Test
    void atTheLaunchDeadlineAServerStillLaunchingFailsNamingItsJob() {
        List<String> ids = readyWave(1);
        harness.begin(WaitKind.TEST_LAUNCH);
        String jobId = harness.mgn.jobs().get(0).id();

        harness.clock.advance(WaitsHarness.LIMITS.launch());
        harness.sweep.sweepAll();

        ServerRecord failed = harness.server(ids.get(0));
        assertThat(failed.status()).isEqualTo(ServerStatus.FAILED);
        assertThat(failed.failure().reason())
                .isEqualTo("launch did not finish within 60 minutes of its MGN job's start, job " + jobId);
        assertThat(harness.sentProgress().failed()).isEqualTo(1);
    }

    @Test
    void atTheLaunchDeadlineAServerThatNeverFoundCapacityIsLeftOut() {
        List<String> ids = readyWave(1);
        for (int i = 0; i < 20; i++) {
            harness.mgn.addForeignActiveJob(String.format("mgnjob-%017x", 0xf000 + i), 1);
        }
        harness.begin(WaitKind.TEST_LAUNCH);

        harness.clock.advance(WaitsHarness.LIMITS.launch());
        harness.sweep.sweepAll();

        ServerRecord leftOut = harness.server(ids.get(0));
        assertThat(leftOut.status()).isEqualTo(ServerStatus.LEFT_OUT);
        assertThat(leftOut.failure().reason()).isEqualTo(
                "launch did not start within the stage's 60 minutes: queued behind 20 servers in 20 active MGN jobs");
    }

    @Test
    void aServerQueuedBehindOtherJobsGetsItsWholeLaunchLimitFromItsOwnJobsStart() {
        List<String> ids = readyWave(1);
        List<Job> foreign = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            foreign.add(harness.mgn.addForeignActiveJob(String.format("mgnjob-%017x", 0xf000 + i), 1));
        }
        harness.begin(WaitKind.TEST_LAUNCH);
        harness.clock.advance(Duration.ofMinutes(50));
        foreign.forEach(job -> harness.mgn.launchAll(job.id()));

        harness.sweep.sweepAll();
        Job ours = harness.mgn.jobs().getLast();
        harness.clock.advance(Duration.ofMinutes(55));
        harness.sweep.sweepAll();

        assertThat(ours.participants()).extracting(Job.Participant::sourceServerId).containsExactly(ids.get(0));
        assertThat(harness.server(ids.get(0)).status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(harness.server(ids.get(0)).stage()).isEqualTo(Stage.TEST_LAUNCH);
        assertThat(harness.callbacksSent()).isZero();

        harness.mgn.launchAll(ours.id());
        harness.sweep.sweepAll();

        assertThat(harness.server(ids.get(0)).stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(harness.sentProgress().failed()).isZero();
    }

    @Test
    void fourHundredFiftyServersLaunchingTwoHundredAtATimeAllGetTheirTurnWithinThreeRounds() {
        List<String> ids = readyWave(450);
        harness.begin(WaitKind.TEST_LAUNCH);

        // Each round's jobs take 55 of the 60 minutes a launch may take; the next round starts after them.
        for (int round = 0; round < 3; round++) {
            harness.clock.advance(Duration.ofMinutes(55));
            harness.mgn.jobs().forEach(job -> harness.mgn.launchAll(job.id()));
            harness.sweep.sweepAll();
        }

        assertThat(ids).allSatisfy(id -> assertThat(harness.server(id).stage()).isEqualTo(Stage.TEST_VALIDATION));
        assertThat(harness.sentProgress().failed()).isZero();
        assertThat(harness.sentProgress().leftOut()).isZero();
    }

    @Test
    void evaluatingAgainWithUnchangedMgnStateStartsNothingAgainAndWritesNothing() {
        readyWave(3);
        harness.begin(WaitKind.TEST_LAUNCH);
        int writes = harness.waves.serverWrites().size();

        harness.sweep.sweepAll();
        harness.sweep.sweepAll();

        assertThat(harness.mgn.startTestRequests()).hasSize(1);
        assertThat(harness.waves.serverWrites()).hasSize(writes);
    }

    @Test
    void aServerMgnCannotLaunchYetIsNotPutInABatchWithTheOthers() {
        List<String> ids = readyWave(3);
        harness.mgn.readyWithoutLag(ids.get(1));

        harness.begin(WaitKind.TEST_LAUNCH);

        assertThat(startedTestBatches(1)).singleElement().isEqualTo(List.of(ids.get(0), ids.get(2)));
    }

    @Test
    void aCutoverLaunchStartsCutoversAndMovesLaunchedServersToCutoverValidation() {
        List<String> ids = readyWave(1);
        harness.begin(WaitKind.CUTOVER_LAUNCH);

        harness.mgn.launchAll(harness.mgn.jobs().get(0).id());
        harness.sweep.sweepAll();

        assertThat(harness.mgn.startCutoverRequests()).containsExactly(ids);
        assertThat(harness.mgn.startTestRequests()).isEmpty();
        assertThat(harness.server(ids.get(0)).stage()).isEqualTo(Stage.CUTOVER_VALIDATION);
        assertThat(harness.server(ids.get(0)).cutover().status()).isEqualTo("LAUNCHED");
    }
}
