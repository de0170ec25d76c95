package dev.ferry.handler;

import dev.ferry.json.Json;
import dev.ferry.server.ServerRecord;
import dev.ferry.server.ServerStatus;
import dev.ferry.server.Stage;
import dev.ferry.waits.EventFiles;
import dev.ferry.waits.InvalidMgnEventException;
import dev.ferry.waits.MgnEventHint;
import dev.ferry.waits.MgnEventRouter;
import dev.ferry.waits.MgnEventType;
import dev.ferry.waits.SweepReport;
import dev.ferry.waits.WaitKind;
import dev.ferry.waits.WaitsHarness;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterHandlerTest {

    /** The server the fixtures are about: the wave's first server. */
    private static final String SERVER = "s-13a5b49c3810fa449";

    private final WaitsHarness harness = new WaitsHarness();
    private final MgnEventRouter router = new MgnEventRouter(harness.sweep);
    private final EventRouterHandler handler = new EventRouterHandler(router);

    private SweepReport route(String fixture) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(EventFiles.open(fixture), output, null);
        return Json.mapper().readValue(output.toByteArray(), SweepReport.class);
    }

    /** A wave of the fixtures' server and one more, both replicating, with its replication wait open. */
    private String aReplicationWaitOnTheFixturesServer() {
        String other = harness.givenWave(OnServerFailure.CONTINUE, 1).get(0);
        harness.waves.putServer(ServerRecord.joining(WaitsHarness.WAVE_ID, SERVER, "media-1", null,
                WaitsHarness.STARTED).enteringStage(Stage.PREPARE_LAUNCH, WaitsHarness.STARTED));
        harness.mgn.initialSync(SERVER);
        harness.mgn.initialSync(other);
        harness.begin(WaitKind.REPLICATION);
        return other;
    }

    /** A wave of the fixtures' server and one more, with their test launch started and still running. */
    private String aTestLaunchUnderWay() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        List<String> servers = List.of(SERVER, ids.get(0));
        harness.waves.putServer(ServerRecord.joining(WaitsHarness.WAVE_ID, SERVER, "media-1", null,
                WaitsHarness.STARTED).enteringStage(Stage.PREPARE_LAUNCH, WaitsHarness.STARTED));
        servers.forEach(harness.mgn::readyForTest);
        harness.begin(WaitKind.TEST_LAUNCH);
        return harness.mgn.jobs().get(0).id();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mgn-lifecycle-ready-for-test.json       | 1 | 0
            mgn-replication-stalled.json            | 1 | 0
            mgn-replication-not-stalled.json        | 0 | 1
            mgn-launch-result-test-succeeded.json   | 0 | 1
            mgn-launch-result-cutover-failed.json   | 0 | 1""")
    void anEventIsEvaluatedOnlyByTheWaitsItCanMove(String fixture, int waiting, int unaffected) throws IOException {
        aReplicationWaitOnTheFixturesServer();

        SweepReport report = route(fixture);

        // A launch result cannot move a replication wait, and "not stalled" is what the record already says.
        assertThat(report).isEqualTo(new SweepReport(1, 0, 0, waiting, 0, 0, unaffected));
    }

    @Test
    void aReadyForTestEventReadsTheServersNotYetReadyInOneCallAndReleasesTheWaitWhenEveryServerIsSeenReady() throws IOException {
        String other = aReplicationWaitOnTheFixturesServer();
        harness.clock.advance(Duration.ofHours(2));
        harness.mgn.forgetRequests();

        harness.mgn.readyForTest(other);
        SweepReport first = router.route(new MgnEventHint(MgnEventType.LIFECYCLE_STATE_CHANGE, other,
                "READY_FOR_TEST", null));
        assertThat(harness.mgn.requests()).containsExactly("describeSourceServers " + List.of(other, SERVER));
        harness.mgn.readyForTest(SERVER);
        SweepReport second = route("mgn-lifecycle-ready-for-test.json");

        assertThat(first.waiting()).isEqualTo(1);
        assertThat(second.released()).isEqualTo(1);
        assertThat(harness.sentProgress().active()).isEqualTo(2);
    }

    @Test
    void aStalledEventRecordsNoStallWhileMgnSaysReplicationIsFine() throws IOException {
        aReplicationWaitOnTheFixturesServer();

        route("mgn-replication-stalled.json");

        assertThat(harness.server(SERVER).stall()).isNull();
    }

    @Test
    void aLaunchSucceededEventReleasesTheTestLaunchWaitOnceMgnSaysTheJobLaunched() throws IOException {
        String jobId = aTestLaunchUnderWay();

        harness.mgn.launchAll(jobId);
        route("mgn-launch-result-test-succeeded.json");

        assertThat(harness.callbacksSent()).isEqualTo(1);
        assertThat(harness.server(SERVER).stage()).isEqualTo(Stage.TEST_VALIDATION);
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothingTheSecondTime() throws IOException {
        String jobId = aTestLaunchUnderWay();
        harness.mgn.launchOne(jobId, SERVER);
        route("mgn-launch-result-test-succeeded.json");
        int writes = harness.waves.serverWrites().size();
        ServerRecord afterFirst = harness.server(SERVER);

        SweepReport second = route("mgn-launch-result-test-succeeded.json");

        assertThat(second.unaffected()).isEqualTo(1);
        assertThat(harness.server(SERVER)).isEqualTo(afterFirst);
        assertThat(harness.waves.serverWrites()).hasSize(writes);
        assertThat(harness.callbacksSent()).isZero();
        assertThat(harness.mgn.startTestRequests()).hasSize(1);
    }

    @Test
    void aCutoverFailedEventArrivingBeforeTheTestSucceededEventFailsNothing() throws IOException {
        String jobId = aTestLaunchUnderWay();
        int writes = harness.waves.serverWrites().size();

        route("mgn-launch-result-cutover-failed.json");
        assertThat(harness.waves.serverWrites()).hasSize(writes);
        harness.mgn.launchAll(jobId);
        route("mgn-launch-result-test-succeeded.json");

        ServerRecord server = harness.server(SERVER);
        assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(server.stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(server.test()).isEqualTo(new ServerRecord.Launch(jobId, "LAUNCHED",
                "i-0" + SERVER.substring(2), harness.mgn.job(jobId).createdAt()));
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    @Test
    void aTestSucceededEventWhileMgnStillRunsTheJobKeepsTheWaitOpen() throws IOException {
        aTestLaunchUnderWay();

        SweepReport report = route("mgn-launch-result-test-succeeded.json");

        assertThat(report.waiting()).isEqualTo(1);
        assertThat(harness.server(SERVER).stage()).isEqualTo(Stage.TEST_LAUNCH);
        assertThat(harness.mgn.job(harness.mgn.jobs().get(0).id()).status()).isEqualTo("PENDING");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            invalid-event-wrong-source.json        | Event 1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d is not an MGN event: its source is 'aws.ec2', expected 'aws.mgn'
            invalid-event-unknown-detail-type.json | MGN event 7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928 has an unknown detail-type 'MGN Agent Install'
            invalid-event-no-source-server.json    | MGN event 3f4e5d6c-7b8a-4990-a1b2-c3d4e5f60718 (MGN Source Server Launch Result) names no source server: resources [arn:aws:mgn:eu-central-1:111122223333:job/mgnjob-10cba81b2d2b1167a] hold no arn:aws:mgn:<region>:<account>:source-server/s-... ARN
            invalid-event-no-state.json            | MGN event a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d (MGN Source Server Lifecycle State Change) about s-13a5b49c3810fa449 has no detail.state
            """)
    void anInvalidEventThrowsSayingWhatIsWrongAndEvaluatesNothing(String fixture, String message) {
        harness.givenWave(OnServerFailure.CONTINUE, 1);

        assertThatThrownBy(() -> route(fixture))
                .isInstanceOf(InvalidMgnEventException.class)
                .hasMessage(message);
        assertThat(harness.mgn.requests()).isEmpty();
    }

    @Test
    void anEventAboutAServerOutsideTheWaveLeavesItsWaitAndMgnAlone() throws IOException {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, 1);
        harness.mgn.initialSync(ids.get(0));
        harness.begin(WaitKind.REPLICATION);
        harness.mgn.readyForTest(ids.get(0));
        harness.mgn.forgetRequests();

        SweepReport report = route("mgn-lifecycle-ready-for-test.json");

        assertThat(report).isEqualTo(new SweepReport(1, 0, 0, 0, 0, 0, 1));
        assertThat(harness.mgn.requests()).isEmpty();
        assertThat(harness.callbacksSent()).isZero();
    }

    @Test
    void aLaunchResultReadsOnlyItsJobUntilTheJobFinishes() throws IOException {
        String jobId = aTestLaunchUnderWay();
        harness.mgn.forgetRequests();

        harness.mgn.launchOne(jobId, SERVER);
        SweepReport report = route("mgn-launch-result-test-succeeded.json");

        assertThat(report.waiting()).isEqualTo(1);
        assertThat(harness.server(SERVER).stage()).isEqualTo(Stage.TEST_VALIDATION);
        assertThat(harness.mgn.requests()).containsExactly("describeJobs " + List.of(jobId));
    }
}
