package dev.ferry.local.mgn;

import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.events.MgnEventType;
import dev.ferry.local.mgn.model.MgnTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.DataReplicationErrorString;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.time.Duration;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationStallTest {

    private static final Duration EIGHT_GIB_SYNC = MgnTimings.transferTime(8L << 30, 12_500_000);
    /** When a stall at 40 % of an 8 GiB initial sync happens. */
    private static final Duration STALL_AT_40_PERCENT = MgnTimings.INITIATING
            .plus(MgnTimings.transferTime(Math.round((8L << 30) * 0.4), 12_500_000));

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void replication_stalls_at_the_configured_percent_with_the_error_and_a_stalled_event() {
        rig = rigWithStall("{\"atPercent\": 40, \"recoversAfterMinutes\": null, \"error\": \"UNSTABLE_NETWORK\"}");

        rig.advance(STALL_AT_40_PERCENT);

        DataReplicationInfo info = rig.describe(serverId(1)).dataReplicationInfo();
        assertThat(info.dataReplicationState()).isEqualTo(DataReplicationState.STALLED);
        assertThat(info.dataReplicationError().error()).isEqualTo(DataReplicationErrorString.UNSTABLE_NETWORK);
        assertThat(info.replicatedDisks().getFirst().replicatedStorageBytes())
                .isEqualTo(Math.round((8L << 30) * 0.4));
        assertThat(info.lagDuration()).isNull();
        assertThat(rig.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(MgnEventType.DATA_REPLICATION_STALLED_CHANGE);
            assertThat(event.state()).isEqualTo("STALLED");
        });
    }

    @Test
    void a_stalled_replication_makes_no_progress() {
        rig = rigWithStall("{\"atPercent\": 40}");
        rig.advance(STALL_AT_40_PERCENT);
        long stalledAt = replicatedBytes();

        rig.advance(Duration.ofHours(5));

        assertThat(replicatedBytes()).isEqualTo(stalledAt);
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().dataReplicationState())
                .isEqualTo(DataReplicationState.STALLED);
    }

    @Test
    void replication_recovers_by_itself_after_the_configured_minutes() {
        rig = rigWithStall("{\"atPercent\": 40, \"recoversAfterMinutes\": 30}");
        rig.advance(STALL_AT_40_PERCENT.plusMinutes(30).minusSeconds(1));
        assertThat(state()).isEqualTo(DataReplicationState.STALLED);

        rig.advance(Duration.ofSeconds(1));

        assertThat(state()).isEqualTo(DataReplicationState.INITIAL_SYNC);
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().dataReplicationError()).isNull();
        assertThat(rig.events()).extracting(MgnEvent::state).containsExactly("STALLED", "NOT_STALLED");
    }

    @Test
    void a_recovered_replication_finishes_later_by_the_length_of_the_stall() {
        rig = rigWithStall("{\"atPercent\": 40, \"recoversAfterMinutes\": 30}");

        rig.advance(MgnTestRig.EIGHT_GIB_READY.plusMinutes(30).minusSeconds(1));
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().lagDuration()).isNull();

        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.describe(serverId(1)).dataReplicationInfo().lagDuration()).isEqualTo("PT2S");
    }

    @Test
    void a_retry_ends_a_stall_that_never_recovers_by_itself_when_the_fault_says_retry_fixes_it() {
        rig = rigWithStall("{\"atPercent\": 40, \"recoversAfterMinutes\": null, \"retryFixes\": true}");
        rig.advance(STALL_AT_40_PERCENT.plusHours(3));

        rig.mgn.retryDataReplication(r -> r.sourceServerID(serverId(1)));

        assertThat(state()).isEqualTo(DataReplicationState.INITIAL_SYNC);
        assertThat(rig.events()).extracting(MgnEvent::state).containsExactly("STALLED", "NOT_STALLED");
        rig.advance(EIGHT_GIB_SYNC.plus(MgnTimings.CREATING_SNAPSHOT));
        assertThat(state()).isEqualTo(DataReplicationState.CONTINUOUS);
    }

    @Test
    void a_retry_the_fault_does_not_allow_leaves_the_replication_stalled() {
        rig = rigWithStall("{\"atPercent\": 40, \"retryFixes\": false}");
        rig.advance(STALL_AT_40_PERCENT);

        rig.mgn.retryDataReplication(r -> r.sourceServerID(serverId(1)));

        assertThat(state()).isEqualTo(DataReplicationState.STALLED);
        assertThat(rig.events()).extracting(MgnEvent::state).containsExactly("STALLED");
    }

    @Test
    void retry_data_replication_is_refused_with_a_validation_error_when_replication_is_not_stalled() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(MgnTimings.INITIATING.plusMinutes(1));

        assertThatThrownBy(() -> rig.mgn.retryDataReplication(r -> r.sourceServerID(serverId(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not stalled");
                });
    }

    private MgnTestRig rigWithStall(String stallJson) {
        return MgnTestRig.of(TestEnvironment.initialized()
                .serverWithFaults(1, "{\"replicationStall\": " + stallJson + "}"));
    }

    private DataReplicationState state() {
        return rig.describe(serverId(1)).dataReplicationInfo().dataReplicationState();
    }

    private long replicatedBytes() {
        return rig.describe(serverId(1)).dataReplicationInfo().replicatedDisks().getFirst().replicatedStorageBytes();
    }
}
