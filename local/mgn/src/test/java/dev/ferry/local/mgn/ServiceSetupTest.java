package dev.ferry.local.mgn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateSourceServerLifecycleState;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateRequest;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateResponse;
import software.amazon.awssdk.services.mgn.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationDataPlaneRouting;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationDefaultLargeStagingDiskType;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationEbsEncryption;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.TargetInstanceTypeRightSizingMethod;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

import java.util.Map;

import static dev.ferry.local.mgn.TestEnvironment.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSetupTest {

    private MgnTestRig rig;

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void every_call_fails_as_uninitialized_until_initialize_service_is_called() {
        rig = MgnTestRig.of(TestEnvironment.uninitialized());

        assertThatThrownBy(() -> rig.mgn.describeSourceServers(r -> { }))
                .isInstanceOfSatisfying(UninitializedAccountException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> rig.mgn.changeServerLifeCycleState(r -> r.sourceServerID(serverId(1))
                .lifeCycle(l -> l.state(ChangeServerLifeCycleStateSourceServerLifecycleState.READY_FOR_CUTOVER))))
                .isInstanceOf(UninitializedAccountException.class);
    }

    @Test
    void initialize_service_answers_204_and_opens_the_api() {
        rig = MgnTestRig.of(TestEnvironment.uninitialized());

        rig.mgn.initializeService(r -> { });

        assertThat(rig.simulator.callLog().getLast().status()).isEqualTo(204);
        assertThat(rig.mgn.describeSourceServers(r -> { }).items()).isEmpty();
    }

    @Test
    void a_replication_template_is_created_with_201_and_listed() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        CreateReplicationConfigurationTemplateResponse created =
                rig.mgn.createReplicationConfigurationTemplate(walkthroughTemplate());

        assertThat(rig.simulator.callLog().getLast().status()).isEqualTo(201);
        assertThat(created.replicationConfigurationTemplateID()).matches("rct-[0-9a-f]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:mgn:eu-central-1:111122223333:replication-configuration-template/"
                + created.replicationConfigurationTemplateID());
        assertThat(rig.mgn.describeReplicationConfigurationTemplates(r -> { }).items())
                .extracting(ReplicationConfigurationTemplate::replicationServerInstanceType)
                .containsExactly("t3.small");
    }

    @Test
    void a_replication_template_without_a_required_field_is_a_validation_error_naming_it() {
        rig = MgnTestRig.of(TestEnvironment.initialized());

        assertThatThrownBy(() -> rig.mgn.createReplicationConfigurationTemplate(walkthroughTemplate().toBuilder()
                .stagingAreaTags(null).build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("stagingAreaTags is required"));
    }

    @Test
    void each_server_gets_an_ec2_launch_template_in_its_launch_configuration() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));

        GetLaunchConfigurationResponse configuration =
                rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(1)));

        assertThat(configuration.ec2LaunchTemplateID()).matches("lt-[0-9a-f]{17}");
        assertThat(configuration.sourceServerID()).isEqualTo(serverId(1));
        assertThat(configuration.name()).isEqualTo("host-1");
    }

    @Test
    void the_launch_templates_of_registered_servers_are_exposed_for_a_simulated_ec2() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8).serverWithoutAgent(2));

        String templateId = rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(1))).ec2LaunchTemplateID();

        assertThat(rig.simulator.launchTemplateIds()).containsExactly(Map.entry(serverId(1), templateId));
    }

    @Test
    void an_updated_launch_configuration_keeps_the_changes_and_the_launch_template() {
        rig = MgnTestRig.of(TestEnvironment.initialized().server(1, 8));
        String templateId = rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(1))).ec2LaunchTemplateID();

        rig.mgn.updateLaunchConfiguration(r -> r.sourceServerID(serverId(1)).copyTags(false)
                .targetInstanceTypeRightSizingMethod(TargetInstanceTypeRightSizingMethod.NONE));

        GetLaunchConfigurationResponse configuration =
                rig.mgn.getLaunchConfiguration(r -> r.sourceServerID(serverId(1)));
        assertThat(configuration.targetInstanceTypeRightSizingMethod())
                .isEqualTo(TargetInstanceTypeRightSizingMethod.NONE);
        assertThat(configuration.copyTags()).isFalse();
        assertThat(configuration.ec2LaunchTemplateID()).isEqualTo(templateId);
    }

    private static CreateReplicationConfigurationTemplateRequest walkthroughTemplate() {
        return CreateReplicationConfigurationTemplateRequest.builder()
                .stagingAreaSubnetId("subnet-0123456789abcdef0")
                .associateDefaultSecurityGroup(true)
                .replicationServersSecurityGroupsIDs()
                .replicationServerInstanceType("t3.small")
                .useDedicatedReplicationServer(false)
                .defaultLargeStagingDiskType(ReplicationConfigurationDefaultLargeStagingDiskType.GP3)
                .ebsEncryption(ReplicationConfigurationEbsEncryption.DEFAULT)
                .bandwidthThrottling(0L)
                .dataPlaneRouting(ReplicationConfigurationDataPlaneRouting.PUBLIC_IP)
                .createPublicIP(true)
                .stagingAreaTags(Map.of("project", "ferry"))
                .build();
    }
}
