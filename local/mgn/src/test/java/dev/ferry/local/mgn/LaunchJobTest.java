package dev.ferry.local.mgn;

import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.events.MgnEventType;
import dev.ferry.local.mgn.model.InstanceState;
import dev.ferry.local.mgn.model.LaunchKind;
import dev.ferry.local.mgn.model.MgnTimings;
import dev.ferry.local.mgn.model.TargetInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateSourceServerLifecycleState;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.InitiatedBy;
import software.amazon.awssdk.services.mgn.model.Job;
import software.amazon.awssdk.services.mgn.model.JobLog;
import software.amazon.awssdk.services.mgn.model.JobLogEvent;
import software.amazon.awssdk.services.mgn.model.JobStatus;
import software.amazon.awssdk.services.mgn.model.JobType;
import software.amazon.awssdk.services.mgn.model.LaunchStatus;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceServer;

import java.time.Duration;
import java.util.List;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LaunchJobTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void start_test_returns_a_pending_launch_job_with_pending_participants() {
        rig = readyRig("{}");

        Job job = rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1))).job();

        assertThat(job.jobID()).matches("mgnjob-[0-9a-f]{17}");
        assertThat(job.type()).isEqualTo(JobType.LAUNCH);
        assertThat(job.initiatedBy()).isEqualTo(InitiatedBy.START_TEST);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.creationDateTime()).isEqualTo(rig.clock.instant().toString());
        assertThat(job.participatingServers()).singleElement().satisfies(server -> {
            assertThat(server.sourceServerID()).isEqualTo(serverId(1));
            assertThat(server.launchStatus()).isEqualTo(LaunchStatus.PENDING);
        });
        assertThat(rig.simulator.callLog().getLast().status()).isEqualTo(202);
    }

    @Test
    void start_test_moves_the_server_to_testing_and_records_the_initiating_job() {
        rig = readyRig("{}");

        String jobId = startTest();

        SourceServer server = rig.describe(serverId(1));
        assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.TESTING);
        assertThat(server.lifeCycle().lastTest().initiated().jobID()).isEqualTo(jobId);
    }

    @Test
    void a_started_job_has_its_servers_in_progress() {
        rig = readyRig("{}");
        String jobId = startTest();

        rig.advance(MgnTimings.JOB_PENDING);

        Job job = rig.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(job.participatingServers().getFirst().launchStatus()).isEqualTo(LaunchStatus.IN_PROGRESS);
    }

    @Test
    void a_test_job_launches_an_instance_completes_and_emits_a_launch_result() {
        rig = readyRig("{}");
        String jobId = startTest();

        rig.advance(MgnTimings.launchJobDuration());

        Job job = rig.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.endDateTime()).isEqualTo(rig.clock.instant().toString());
        String instanceId = job.participatingServers().getFirst().launchedEc2InstanceID();
        assertThat(instanceId).matches("i-[0-9a-f]{17}");
        assertThat(job.participatingServers().getFirst().launchStatus()).isEqualTo(LaunchStatus.LAUNCHED);
        SourceServer server = rig.describe(serverId(1));
        assertThat(server.launchedInstance().ec2InstanceID()).isEqualTo(instanceId);
        assertThat(server.launchedInstance().jobID()).isEqualTo(jobId);
        assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.TESTING);
        assertThat(launchResults()).singleElement().satisfies(event -> {
            assertThat(event.state()).isEqualTo("TEST_LAUNCH_SUCCEEDED");
            assertThat(event.detail()).containsEntry("job-id", jobId);
        });
    }

    @Test
    void launched_instances_are_recorded_with_a_loopback_ip_and_the_validation_verdict() {
        rig = readyRig("{\"failsValidation\": \"TEST\"}");
        startTest();

        rig.advance(MgnTimings.launchJobDuration());

        assertThat(rig.simulator.launchedInstances()).singleElement().satisfies(instance -> {
            assertThat(instance.sourceServerId()).isEqualTo(serverId(1));
            assertThat(instance.sourceInstanceId()).isEqualTo(TestEnvironment.instanceId(1));
            assertThat(instance.kind()).isEqualTo(LaunchKind.TEST);
            assertThat(instance.privateIp()).isEqualTo("127.0.10.1");
            assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(instance.failsValidation()).isTrue();
        });
    }

    @Test
    void launched_instances_take_their_ips_in_the_network_the_simulator_was_given() {
        rig = new MgnTestRig(TestEnvironment.initialized().serverWithFaults(1, "{}").build(), Region.EU_CENTRAL_1,
                "127.4");
        rig.advance(MgnTestRig.EIGHT_GIB_READY);
        startTest();

        rig.advance(MgnTimings.launchJobDuration());

        assertThat(rig.simulator.launchedInstances()).singleElement()
                .satisfies(instance -> assertThat(instance.privateIp()).isEqualTo("127.4.10.1"));
    }

    @Test
    void a_new_test_replaces_the_previous_test_instance() {
        rig = readyRig("{}");
        startTest();
        rig.advance(MgnTimings.launchJobDuration());

        startTest();
        rig.advance(MgnTimings.launchJobDuration());

        assertThat(rig.simulator.launchedInstances()).extracting(TargetInstance::kind, TargetInstance::state)
                .containsExactly(
                        tuple(LaunchKind.TEST, InstanceState.TERMINATED),
                        tuple(LaunchKind.TEST, InstanceState.RUNNING));
    }

    @Test
    void a_cutover_terminates_the_test_instance_and_launches_the_cutover_instance() {
        rig = readyRig("{}");
        startTest();
        rig.advance(MgnTimings.launchJobDuration());
        markReadyForCutover();

        String jobId = rig.mgn.startCutover(r -> r.sourceServerIDs(serverId(1))).job().jobID();
        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.CUTTING_OVER);
        rig.advance(MgnTimings.launchJobDuration());

        assertThat(rig.simulator.launchedInstances()).extracting(TargetInstance::kind, TargetInstance::state)
                .containsExactly(
                        tuple(LaunchKind.TEST, InstanceState.TERMINATED),
                        tuple(LaunchKind.CUTOVER, InstanceState.RUNNING));
        assertThat(rig.job(jobId).initiatedBy()).isEqualTo(InitiatedBy.START_CUTOVER);
        assertThat(launchResults()).extracting(MgnEvent::state)
                .containsExactly("TEST_LAUNCH_SUCCEEDED", "CUTOVER_LAUNCH_SUCCEEDED");
    }

    @Test
    void a_failed_launch_marks_the_server_failed_completes_the_job_and_emits_a_failure() {
        rig = readyRig("{\"testLaunchFails\": true}");
        String jobId = startTest();

        rig.advance(MgnTimings.launchJobDuration());

        Job job = rig.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.participatingServers().getFirst().launchStatus()).isEqualTo(LaunchStatus.FAILED);
        assertThat(rig.simulator.launchedInstances()).isEmpty();
        assertThat(launchResults()).extracting(MgnEvent::state).containsExactly("TEST_LAUNCH_FAILED");
        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.TESTING);
    }

    @Test
    void job_log_items_follow_the_job_from_start_to_end() {
        rig = readyRig("{}");
        String jobId = startTest();
        rig.advance(MgnTimings.launchJobDuration());

        List<JobLog> log = rig.mgn.describeJobLogItems(r -> r.jobID(jobId)).items();

        assertThat(log).extracting(JobLog::event).containsExactly(JobLogEvent.JOB_START, JobLogEvent.CLEANUP_START,
                JobLogEvent.CLEANUP_END, JobLogEvent.SNAPSHOT_START, JobLogEvent.SNAPSHOT_END,
                JobLogEvent.CONVERSION_START, JobLogEvent.CONVERSION_END, JobLogEvent.LAUNCH_START,
                JobLogEvent.JOB_END);
        assertThat(log.get(1).eventData().sourceServerID()).isEqualTo(serverId(1));
    }

    @Test
    void finalize_cutover_makes_the_server_cutover_disconnects_replication_and_keeps_the_instance() {
        rig = cutOverRig();

        var server = rig.mgn.finalizeCutover(r -> r.sourceServerID(serverId(1)));

        assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.CUTOVER);
        assertThat(server.dataReplicationInfo().dataReplicationState()).isEqualTo(DataReplicationState.DISCONNECTED);
        assertThat(server.dataReplicationInfo().lagDuration()).isNull();
        assertThat(server.lifeCycle().lastCutover().finalized().apiCallDateTime()).isNotNull();
        assertThat(rig.simulator.launchedInstances()).filteredOn(i -> i.kind() == LaunchKind.CUTOVER)
                .extracting(TargetInstance::state).containsExactly(InstanceState.RUNNING);
    }

    @Test
    void finalize_cutover_without_a_launched_cutover_instance_is_a_conflict() {
        rig = readyRig("{}");

        assertThatThrownBy(() -> rig.mgn.finalizeCutover(r -> r.sourceServerID(serverId(1))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void a_server_can_be_archived_once_cut_over() {
        rig = cutOverRig();
        rig.mgn.finalizeCutover(r -> r.sourceServerID(serverId(1)));

        var server = rig.mgn.markAsArchived(r -> r.sourceServerID(serverId(1)));

        assertThat(server.isArchived()).isTrue();
    }

    @Test
    void archiving_a_server_that_is_neither_disconnected_nor_cut_over_is_a_conflict() {
        rig = readyRig("{}");

        assertThatThrownBy(() -> rig.mgn.markAsArchived(r -> r.sourceServerID(serverId(1))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void disconnect_from_service_disconnects_the_server_and_allows_archiving() {
        rig = readyRig("{}");

        rig.mgn.disconnectFromService(r -> r.sourceServerID(serverId(1)));

        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.DISCONNECTED);
        assertThat(rig.mgn.markAsArchived(r -> r.sourceServerID(serverId(1))).isArchived()).isTrue();
    }

    @Test
    void terminate_target_instances_terminates_the_test_instance_with_a_terminate_job() {
        rig = readyRig("{}");
        startTest();
        rig.advance(MgnTimings.launchJobDuration());
        markReadyForCutover();

        Job job = rig.mgn.terminateTargetInstances(r -> r.sourceServerIDs(serverId(1))).job();
        rig.advance(MgnTimings.terminateJobDuration());

        assertThat(job.type()).isEqualTo(JobType.TERMINATE);
        assertThat(job.initiatedBy()).isEqualTo(InitiatedBy.TERMINATE);
        assertThat(rig.job(job.jobID()).participatingServers().getFirst().launchStatus())
                .isEqualTo(LaunchStatus.TERMINATED);
        assertThat(rig.simulator.launchedInstances()).extracting(TargetInstance::state)
                .containsExactly(InstanceState.TERMINATED);
        assertThat(rig.describe(serverId(1)).launchedInstance()).isNull();
    }

    @Test
    void marking_a_tested_server_ready_for_cutover_finalizes_its_test() {
        rig = readyRig("{}");
        startTest();
        rig.advance(MgnTimings.launchJobDuration());

        var server = rig.mgn.changeServerLifeCycleState(r -> r.sourceServerID(serverId(1))
                .lifeCycle(l -> l.state(ChangeServerLifeCycleStateSourceServerLifecycleState.READY_FOR_CUTOVER)))
                ;

        assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_CUTOVER);
        assertThat(server.lifeCycle().lastTest().finalized()).isNotNull();
    }

    @Test
    void changing_the_lifecycle_before_replication_has_a_lag_is_a_conflict() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        assertThatThrownBy(() -> rig.mgn.changeServerLifeCycleState(r -> r.sourceServerID(serverId(1))
                .lifeCycle(l -> l.state(ChangeServerLifeCycleStateSourceServerLifecycleState.READY_FOR_CUTOVER))))
                .isInstanceOf(ConflictException.class);
    }

    private MgnTestRig readyRig(String faultsJson) {
        MgnTestRig ready = MgnTestRig.of(TestEnvironment.initialized().serverWithFaults(1, faultsJson));
        ready.advance(MgnTestRig.EIGHT_GIB_READY);
        return ready;
    }

    private MgnTestRig cutOverRig() {
        MgnTestRig cutOver = readyRig("{}");
        cutOver.mgn.startCutover(r -> r.sourceServerIDs(serverId(1)));
        cutOver.advance(MgnTimings.launchJobDuration());
        return cutOver;
    }

    private String startTest() {
        return rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1))).job().jobID();
    }

    private void markReadyForCutover() {
        rig.mgn.changeServerLifeCycleState(r -> r.sourceServerID(serverId(1))
                .lifeCycle(l -> l.state(ChangeServerLifeCycleStateSourceServerLifecycleState.READY_FOR_CUTOVER)));
        rig.advance(Duration.ofMinutes(1));
    }

    private List<MgnEvent> launchResults() {
        return rig.events().stream().filter(event -> event.type() == MgnEventType.LAUNCH_RESULT).toList();
    }
}
