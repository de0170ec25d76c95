package dev.ferry.local.mgn;

import dev.ferry.local.mgn.model.MgnTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobRulesTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_server_in_an_active_job_cannot_join_another_job() {
        rig = readyServers(1);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1)));

        assertThatThrownBy(() -> rig.mgn.startCutover(r -> r.sourceServerIDs(serverId(1))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains(serverId(1)).contains("active job");
                });
    }

    @Test
    void a_server_can_join_a_new_job_once_its_job_completed() {
        rig = readyServers(1);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1)));
        rig.advance(MgnTimings.launchJobDuration());

        assertThat(rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1))).job().jobID()).isNotNull();
    }

    @Test
    void a_twenty_first_concurrent_job_exceeds_the_service_quota() {
        rig = readyServers(21);
        IntStream.rangeClosed(1, 20).forEach(n -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(n))));

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(21))))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(402);
                    assertThat(e.quotaValue()).isEqualTo(20);
                });
    }

    @Test
    void more_than_two_hundred_servers_across_active_jobs_exceed_the_service_quota() {
        rig = readyServers(201);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverIds(1, 100)));
        rig.mgn.startTest(r -> r.sourceServerIDs(serverIds(101, 200)));

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(201))))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.quotaValue()).isEqualTo(200));
    }

    @Test
    void launching_is_refused_while_the_lag_duration_is_null() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("INITIATING"));
    }

    @Test
    void a_launch_request_without_servers_is_a_validation_error() {
        rig = readyServers(1);

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(List.of())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("sourceServerIDs"));
    }

    @Test
    void a_launch_request_with_more_than_two_hundred_servers_is_a_validation_error() {
        rig = readyServers(1);

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverIds(1, 201))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("sourceServerIDs").contains("201"));
    }

    @Test
    void a_launch_request_naming_an_unknown_server_is_a_validation_error() {
        rig = readyServers(1);

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(99))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains(serverId(99)));
    }

    @Test
    void terminating_target_instances_is_refused_while_testing() {
        rig = readyServers(1);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1)));
        rig.advance(MgnTimings.launchJobDuration());

        assertThatThrownBy(() -> rig.mgn.terminateTargetInstances(r -> r.sourceServerIDs(serverId(1))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("TESTING"));
    }

    @Test
    void a_refused_launch_changes_no_server() {
        rig = readyServers(2);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(2)));

        assertThatThrownBy(() -> rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1), serverId(2))))
                .isInstanceOf(ConflictException.class);

        assertThat(rig.describe(serverId(1)).lifeCycle().stateAsString()).isEqualTo("READY_FOR_TEST");
        assertThat(rig.mgn.describeJobs(r -> r.maxResults(10)).items()).hasSize(1);
    }

    private static MgnTestRig readyServers(int count) {
        TestEnvironment environment = TestEnvironment.initialized().bandwidthMbps(1000);
        IntStream.rangeClosed(1, count).forEach(n -> environment.server(n, 1));
        MgnTestRig ready = MgnTestRig.of(environment);
        ready.advance(Duration.ofHours(1));
        return ready;
    }

    private static List<String> serverIds(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(TestEnvironment::serverId).toList();
    }
}
