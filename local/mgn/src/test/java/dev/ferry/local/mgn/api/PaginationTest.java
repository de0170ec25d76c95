package dev.ferry.local.mgn.api;

import dev.ferry.local.mgn.MgnTestRig;
import dev.ferry.local.mgn.TestEnvironment;
import dev.ferry.local.mgn.model.MgnTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.DescribeJobsResponse;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.Job;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceServer;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void describe_source_servers_pages_by_max_results_with_next_token() {
        rig = rigWithServers(5);

        DescribeSourceServersResponse first = rig.mgn.describeSourceServers(r -> r.maxResults(2));
        DescribeSourceServersResponse second = rig.mgn.describeSourceServers(r -> r.maxResults(2)
                .nextToken(first.nextToken()));
        DescribeSourceServersResponse last = rig.mgn.describeSourceServers(r -> r.maxResults(2)
                .nextToken(second.nextToken()));

        assertThat(first.items()).extracting(SourceServer::sourceServerID).containsExactly(serverId(1), serverId(2));
        assertThat(second.items()).extracting(SourceServer::sourceServerID).containsExactly(serverId(3), serverId(4));
        assertThat(last.items()).extracting(SourceServer::sourceServerID).containsExactly(serverId(5));
        assertThat(last.nextToken()).isNull();
    }

    @Test
    void the_sdk_paginator_walks_every_page() {
        rig = rigWithServers(5);

        List<String> ids = rig.mgn.describeSourceServersPaginator(r -> r.maxResults(2)).items().stream()
                .map(SourceServer::sourceServerID).toList();

        assertThat(ids).containsExactly(serverId(1), serverId(2), serverId(3), serverId(4), serverId(5));
    }

    @Test
    void an_invalid_next_token_is_a_validation_error() {
        rig = rigWithServers(1);

        assertThatThrownBy(() -> rig.mgn.describeSourceServers(r -> r.nextToken("forged")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("nextToken"));
    }

    @Test
    void max_results_above_one_thousand_is_a_validation_error() {
        rig = rigWithServers(1);

        assertThatThrownBy(() -> rig.mgn.describeSourceServers(r -> r.maxResults(1001)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("maxResults"));
    }

    @Test
    void more_than_two_hundred_source_server_ids_in_a_filter_is_a_validation_error() {
        rig = rigWithServers(1);
        List<String> ids = IntStream.rangeClosed(1, 201).mapToObj(TestEnvironment::serverId).toList();

        assertThatThrownBy(() -> rig.mgn.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(ids))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void source_servers_are_filtered_by_ids_lifecycle_states_and_archive_flag() {
        rig = rigWithServers(3);
        rig.advance(MgnTestRig.EIGHT_GIB_READY);
        rig.mgn.startTest(r -> r.sourceServerIDs(serverId(2)));
        rig.mgn.disconnectFromService(r -> r.sourceServerID(serverId(3)));
        rig.mgn.markAsArchived(r -> r.sourceServerID(serverId(3)));

        assertThat(ids(rig.mgn.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(serverId(1), serverId(3))))))
                .containsExactly(serverId(1), serverId(3));
        assertThat(ids(rig.mgn.describeSourceServers(r -> r.filters(f -> f.lifeCycleStates(LifeCycleState.TESTING)))))
                .containsExactly(serverId(2));
        assertThat(ids(rig.mgn.describeSourceServers(r -> r.filters(f -> f.isArchived(false)))))
                .containsExactly(serverId(1), serverId(2));
    }

    @Test
    void jobs_are_filtered_by_id_and_creation_date_and_paged() {
        rig = rigWithServers(3);
        rig.advance(MgnTestRig.EIGHT_GIB_READY);
        String first = rig.mgn.startTest(r -> r.sourceServerIDs(serverId(1))).job().jobID();
        rig.advance(Duration.ofHours(1));
        String second = rig.mgn.startTest(r -> r.sourceServerIDs(serverId(2))).job().jobID();
        String third = rig.mgn.startTest(r -> r.sourceServerIDs(serverId(3))).job().jobID();
        String afterFirst = rig.clock.instant().minus(Duration.ofMinutes(1)).toString();

        assertThat(jobIds(rig.mgn.describeJobs(r -> r.filters(f -> f.jobIDs(second))))).containsExactly(second);
        assertThat(jobIds(rig.mgn.describeJobs(r -> r.filters(f -> f.fromDate(afterFirst)))))
                .containsExactly(second, third);
        DescribeJobsResponse page = rig.mgn.describeJobs(r -> r.maxResults(2));
        assertThat(jobIds(page)).containsExactly(first, second);
        assertThat(jobIds(rig.mgn.describeJobs(r -> r.maxResults(2).nextToken(page.nextToken()))))
                .containsExactly(third);
    }

    @Test
    void servers_without_a_registered_agent_are_not_listed() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8).serverWithoutAgent(2));
        rig.advance(MgnTimings.INITIATING);

        assertThat(ids(rig.mgn.describeSourceServers(r -> { }))).containsExactly(serverId(1));
    }

    private static MgnTestRig rigWithServers(int count) {
        TestEnvironment environment = TestEnvironment.initialized();
        IntStream.rangeClosed(1, count).forEach(n -> environment.server(n, 8));
        return MgnTestRig.of(environment);
    }

    private static List<String> ids(DescribeSourceServersResponse response) {
        return response.items().stream().map(SourceServer::sourceServerID).toList();
    }

    private static List<String> jobIds(DescribeJobsResponse response) {
        return response.items().stream().map(Job::jobID).toList();
    }
}
