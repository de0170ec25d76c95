package dev.ferry.local.mgn;

import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.events.MgnEventType;
import dev.ferry.local.mgn.model.MgnTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;

import java.time.Duration;
import java.time.Instant;

import static dev.ferry.local.mgn.TestEnvironment.instanceId;
import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ReplicationTest {

    private static final long EIGHT_GIB = 8L << 30;
    private static final double BYTES_PER_SECOND_AT_100_MBPS = 12_500_000;
    private static final Duration EIGHT_GIB_SYNC = MgnTimings.transferTime(EIGHT_GIB, BYTES_PER_SECOND_AT_100_MBPS);

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    private DataReplicationState replicationState(int server) {
        return rig.describe(serverId(server)).dataReplicationInfo().dataReplicationState();
    }

    @Test
    void a_new_server_starts_initiating_without_lag_or_progress() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        DataReplicationInfo info = rig.describe(serverId(1)).dataReplicationInfo();

        assertThat(info.dataReplicationState()).isEqualTo(DataReplicationState.INITIATING);
        assertThat(info.lagDuration()).isNull();
        assertThat(info.replicatedDisks()).extracting(DataReplicationInfoReplicatedDisk::replicatedStorageBytes)
                .containsExactly(0L);
        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.NOT_READY);
    }

    @Test
    void initial_sync_progress_grows_with_elapsed_time_at_the_environment_bandwidth() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        rig.advance(MgnTimings.INITIATING.plus(EIGHT_GIB_SYNC.dividedBy(2)));

        DataReplicationInfoReplicatedDisk disk = rig.describe(serverId(1)).dataReplicationInfo()
                .replicatedDisks().getFirst();
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().dataReplicationState())
                .isEqualTo(DataReplicationState.INITIAL_SYNC);
        assertThat(disk.totalStorageBytes()).isEqualTo(EIGHT_GIB);
        assertThat((double) disk.replicatedStorageBytes()).isCloseTo(EIGHT_GIB / 2.0,
                offset(BYTES_PER_SECOND_AT_100_MBPS));
        assertThat(disk.backloggedStorageBytes()).isZero();
    }

    @Test
    void initial_sync_lasts_total_disk_bytes_divided_by_bandwidth() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8).server(2, 6, 10));
        Duration sixteenGibSync = MgnTimings.transferTime(2 * EIGHT_GIB, BYTES_PER_SECOND_AT_100_MBPS);

        rig.advance(MgnTimings.INITIATING.plus(EIGHT_GIB_SYNC).minusSeconds(1));
        assertThat(replicationState(1)).isEqualTo(DataReplicationState.INITIAL_SYNC);
        rig.advance(Duration.ofSeconds(1));
        assertThat(replicationState(1)).isEqualTo(DataReplicationState.CREATING_SNAPSHOT);
        assertThat(replicationState(2)).isEqualTo(DataReplicationState.INITIAL_SYNC);

        rig.advance(sixteenGibSync.minus(EIGHT_GIB_SYNC).minusSeconds(1));
        assertThat(replicationState(2)).isEqualTo(DataReplicationState.INITIAL_SYNC);
        rig.advance(Duration.ofSeconds(1));
        assertThat(replicationState(2)).isEqualTo(DataReplicationState.CREATING_SNAPSHOT);
    }

    @Test
    void eta_during_initial_sync_is_when_the_sync_will_end() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        rig.advance(MgnTimings.INITIATING.plusMinutes(1));

        Instant expected = MgnTestRig.START.plus(MgnTimings.INITIATING).plus(EIGHT_GIB_SYNC);
        assertThat(Instant.parse(rig.describe(serverId(1)).dataReplicationInfo().etaDateTime()))
                .isEqualTo(expected);
    }

    @Test
    void lag_is_null_while_creating_the_snapshot_and_set_once_continuous() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        rig.advance(MgnTestRig.EIGHT_GIB_READY.minusSeconds(1));
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().lagDuration()).isNull();

        rig.advance(Duration.ofSeconds(1));
        DataReplicationInfo info = rig.describe(serverId(1)).dataReplicationInfo();
        assertThat(info.dataReplicationState()).isEqualTo(DataReplicationState.CONTINUOUS);
        assertThat(info.lagDuration()).isEqualTo("PT2S");
        assertThat(info.lastSnapshotDateTime()).isEqualTo(MgnTestRig.START.plus(MgnTestRig.EIGHT_GIB_READY)
                .toString());
        assertThat(info.etaDateTime()).isNull();
    }

    @Test
    void the_first_continuous_replication_makes_the_server_ready_for_test_with_one_event() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        rig.advance(MgnTestRig.EIGHT_GIB_READY);

        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
        assertThat(rig.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(MgnEventType.LIFECYCLE_STATE_CHANGE);
            assertThat(event.state()).isEqualTo("READY_FOR_TEST");
            assertThat(event.sourceServerId()).isEqualTo(serverId(1));
            assertThat(event.time()).isEqualTo(MgnTestRig.START.plus(MgnTestRig.EIGHT_GIB_READY));
        });
    }

    @Test
    void ready_for_test_is_announced_only_once_even_when_the_server_reconnects() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(MgnTestRig.EIGHT_GIB_READY);
        rig.mgn.disconnectFromService(r -> r.sourceServerID(serverId(1)));

        rig.simulator.registerAgent(instanceId(1));
        rig.advance(MgnTestRig.EIGHT_GIB_READY);

        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
        assertThat(rig.events()).extracting(MgnEvent::state).containsExactly("READY_FOR_TEST");
    }

    @Test
    void next_transition_time_tells_when_replication_next_changes() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        assertThat(rig.simulator.nextTransitionTime()).contains(MgnTestRig.START.plus(MgnTimings.INITIATING));

        rig.advance(MgnTestRig.EIGHT_GIB_READY);
        assertThat(rig.simulator.nextTransitionTime()).isEmpty();
    }

    @Test
    void api_calls_bring_the_model_up_to_the_clock_and_keep_the_events_for_advance_to() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        rig.clock.advance(MgnTestRig.EIGHT_GIB_READY);
        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);

        assertThat(rig.simulator.advanceTo(rig.clock.instant())).extracting(MgnEvent::state)
                .containsExactly("READY_FOR_TEST");
    }
}
