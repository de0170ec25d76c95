package dev.ferry.waits;

import dev.ferry.mgn.Job;
import dev.ferry.server.Stage;
import dev.ferry.wave.Policies.OnServerFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MGN events cost in MGN reads on a large wave: each event reads what it is about, in as
 * few calls as MGN's filters allow, so a wave's events cost a call or so per server however big
 * the wave is; only events that may decide the wait read the whole wave.
 */
class EventDrivenReadsTest {

    private static final int SERVERS = 450;

    private final WaitsHarness harness = new WaitsHarness();
    private final MgnEventRouter router = new MgnEventRouter(harness.sweep);

    @Test
    void readyForTestEventsOfOneMomentReadTwoHundredServersPerCallAndTheWholeWaveOnceAtTheEnd() {
        List<String> ids = aReplicationWait();
        ids.forEach(harness.mgn::readyForTest);

        ids.forEach(id -> router.route(readyForTest(id)));

        // The first event reads its server and the next 199 not yet ready; their events then cost nothing.
        assertThat(sourceServerReads()).containsExactly(200, 200, 50, SERVERS);
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    @Test
    void readyForTestEventsSpreadOverTimeCostOneCallEach() {
        List<String> ids = aReplicationWait();

        for (String id : ids) {
            harness.mgn.readyForTest(id);
            router.route(readyForTest(id));
        }

        List<Integer> reads = sourceServerReads();
        // One call per event, within MGN's 200 IDs a call; the last event's whole evaluation reads every server.
        assertThat(reads).hasSize(SERVERS + 1);
        assertThat(reads.subList(0, SERVERS)).allSatisfy(read -> assertThat(read).isLessThanOrEqualTo(200));
        assertThat(reads.get(SERVERS)).isEqualTo(SERVERS);
        assertThat(harness.callbacksSent()).isEqualTo(1);
    }

    @Test
    void launchResultsReadOnlyTheirJobAndTheWholeWaveOnlyWhenAJobFinishes() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, SERVERS);
        ids.forEach(harness.mgn::readyForTest);
        harness.begin(WaitKind.TEST_LAUNCH);

        int jobsRun = 0;
        while (jobsRun < harness.mgn.jobs().size()) {
            Job job = harness.mgn.jobs().get(jobsRun++);
            List<String> participants = job.participants().stream().map(Job.Participant::sourceServerId).toList();
            for (String id : participants.subList(0, participants.size() - 1)) {
                harness.mgn.launchOne(job.id(), id);
                router.route(launched(id, job.id()));
            }
            harness.mgn.launchAll(job.id());
            router.route(launched(participants.get(participants.size() - 1), job.id()));
        }

        assertThat(jobsRun).as("jobs of 100 servers, at most 200 servers in active jobs").isEqualTo(5);
        assertThat(ids).allSatisfy(id -> assertThat(harness.server(id).stage()).isEqualTo(Stage.TEST_VALIDATION));
        assertThat(harness.callbacksSent()).isEqualTo(1);
        // One job read per event; the servers still in the stage are read when the wait opens and when a job
        // finishes and frees room for the next, never per event.
        assertThat(harness.mgn.describeJobsRequests()).hasSize(SERVERS).allSatisfy(jobIds -> assertThat(jobIds).hasSize(1));
        assertThat(sourceServerReads()).containsExactly(450, 350, 250, 150, 50);
    }

    private List<String> aReplicationWait() {
        List<String> ids = harness.givenWave(OnServerFailure.CONTINUE, SERVERS);
        ids.forEach(harness.mgn::initialSync);
        harness.begin(WaitKind.REPLICATION);
        harness.mgn.forgetRequests();
        return ids;
    }

    private static MgnEventHint readyForTest(String id) {
        return new MgnEventHint(MgnEventType.LIFECYCLE_STATE_CHANGE, id, "READY_FOR_TEST", null);
    }

    private static MgnEventHint launched(String id, String jobId) {
        return new MgnEventHint(MgnEventType.LAUNCH_RESULT, id, "TEST_LAUNCH_SUCCEEDED", jobId);
    }

    /** How many servers each DescribeSourceServers call asked for, in order. */
    private List<Integer> sourceServerReads() {
        return harness.mgn.describeRequests().stream().map(List::size).toList();
    }
}
