package dev.ferry.local.mgn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceProperties;
import software.amazon.awssdk.services.mgn.model.SourceServer;

import java.time.Duration;

import static dev.ferry.local.mgn.TestEnvironment.instanceId;
import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentRegistrationTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void a_registered_agent_makes_its_server_appear_and_start_replicating() {
        rig = MgnTestRig.of(TestEnvironment.initialized().serverWithoutAgent(1));
        rig.advance(Duration.ofHours(1));

        String id = rig.simulator.registerAgent(instanceId(1));

        SourceServer server = rig.describe(id);
        assertThat(id).isEqualTo(serverId(1));
        assertThat(server.lifeCycle().state()).isEqualTo(LifeCycleState.NOT_READY);
        assertThat(server.lifeCycle().addedToServiceDateTime()).isEqualTo(rig.clock.instant().toString());
        assertThat(server.dataReplicationInfo().dataReplicationState()).isEqualTo(DataReplicationState.INITIATING);
    }

    @Test
    void a_registered_server_reports_the_source_identity_and_hardware() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8, 20));

        SourceServer server = rig.describe(serverId(1));

        SourceProperties properties = server.sourceProperties();
        assertThat(properties.identificationHints().awsInstanceID()).isEqualTo(instanceId(1));
        assertThat(properties.identificationHints().hostname()).isEqualTo("host-1");
        assertThat(properties.os().fullString()).contains("Linux");
        assertThat(properties.disks()).extracting(d -> d.deviceName() + "=" + d.bytes())
                .containsExactly("/dev/xvda=" + (8L << 30), "/dev/xvdb=" + (20L << 30));
        assertThat(properties.cpus().getFirst().cores()).isEqualTo(2);
        assertThat(properties.ramBytes()).isEqualTo(4L << 30);
        assertThat(server.arn()).isEqualTo("arn:aws:mgn:eu-central-1:111122223333:source-server/" + serverId(1));
    }

    @Test
    void registering_the_agent_again_keeps_the_same_server_and_its_progress() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        rig.advance(MgnTestRig.EIGHT_GIB_READY);

        assertThat(rig.simulator.registerAgent(instanceId(1))).isEqualTo(serverId(1));

        assertThat(rig.describe(serverId(1)).lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
    }

    @Test
    void registering_an_instance_the_environment_does_not_know_is_rejected() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        assertThatThrownBy(() -> rig.simulator.registerAgent(instanceId(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(instanceId(7));
    }

    @Test
    void an_agent_cannot_register_before_the_service_is_initialized() {
        rig = MgnTestRig.of(TestEnvironment.uninitialized().serverWithoutAgent(1));

        assertThatThrownBy(() -> rig.simulator.registerAgent(instanceId(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not initialised");
    }
}
