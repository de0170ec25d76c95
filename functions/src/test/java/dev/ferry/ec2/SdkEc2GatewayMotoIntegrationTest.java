package dev.ferry.ec2;

import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: {@link SdkEc2Gateway} against a real moto server (EC2 emulator), through the
 * real SDK client and HTTP. Skipped when moto_server is not installed (see {@link MotoServer}).
 */
class SdkEc2GatewayMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static Ec2Client ec2;
    static SdkEc2Gateway gateway;

    @BeforeAll
    static void connect() {
        ec2 = MOTO.client(Ec2Client.builder());
        gateway = new SdkEc2Gateway(ec2);
    }

    @AfterAll
    static void disconnect() {
        ec2.close();
    }

    @Test
    void aNewVersionCarriesTheChangeAndBecomesTheDefault() {
        String templateId = launchTemplate();
        String subnetId = ec2.describeSubnets().subnets().getFirst().subnetId();
        String groupId = ec2.createSecurityGroup(group -> group
                .groupName("ferry-" + UUID.randomUUID()).description("media server")).groupId();

        long version = gateway.createLaunchTemplateVersion(templateId, new LaunchTemplateChange(
                "t3.small", subnetId, List.of(groupId), "ferry-key", true, Map.of("wave", "w-1")), "token-1");
        gateway.setDefaultLaunchTemplateVersion(templateId, version);

        LaunchTemplateVersion defaultVersion = ec2.describeLaunchTemplateVersions(describe -> describe
                .launchTemplateId(templateId).versions("$Default")).launchTemplateVersions().getFirst();
        assertThat(version).isEqualTo(2);
        assertThat(defaultVersion.versionNumber()).isEqualTo(version);
        assertThat(defaultVersion.defaultVersion()).isTrue();
        ResponseLaunchTemplateData data = defaultVersion.launchTemplateData();
        assertThat(data.instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(data.keyName()).isEqualTo("ferry-key");
        assertThat(data.networkInterfaces()).singleElement().satisfies(primary -> {
            assertThat(primary.deviceIndex()).isZero();
            assertThat(primary.subnetId()).isEqualTo(subnetId);
            assertThat(primary.groups()).containsExactly(groupId);
            assertThat(primary.associatePublicIpAddress()).isTrue();
        });
        assertThat(data.tagSpecifications()).singleElement().satisfies(spec -> {
            assertThat(spec.resourceTypeAsString()).isEqualTo("instance");
            assertThat(spec.tags()).singleElement().satisfies(tag -> {
                assertThat(tag.key()).isEqualTo("wave");
                assertThat(tag.value()).isEqualTo("w-1");
            });
        });
    }

    @Test
    void theSameIdempotencyTokenTwiceMakesAnotherVersionInMotoWhichIgnoresClientToken() {
        // Real EC2 returns the first call's version for a repeated ClientToken; moto 5.2 does not
        // implement ClientToken for CreateLaunchTemplateVersion and makes a new version each time.
        // This pins moto's behaviour so that a change in it is noticed; SdkEc2GatewayTest checks
        // that the token is sent.
        String templateId = launchTemplate();
        LaunchTemplateChange change = new LaunchTemplateChange("t3.small", null, null, null, null, null);

        long first = gateway.createLaunchTemplateVersion(templateId, change, "same-token");
        long second = gateway.createLaunchTemplateVersion(templateId, change, "same-token");

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(3);
    }

    @Test
    void aRunningInstanceIsDescribedWithItsStateAndAddresses() {
        String imageId = ec2.describeImages(images -> images.owners("amazon")).images().getFirst().imageId();
        String instanceId = ec2.runInstances(run -> run.imageId(imageId).instanceType(InstanceType.T3_MICRO)
                .minCount(1).maxCount(1)).instances().getFirst().instanceId();

        Map<String, InstanceHealth> health = gateway.describeInstances(List.of(instanceId, "i-00000000000000000"));

        assertThat(health).containsOnlyKeys(instanceId);
        InstanceHealth instance = health.get(instanceId);
        assertThat(instance.state()).isEqualTo("running");
        assertThat(instance.privateIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(instance.publicIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(instance.systemStatus()).isEqualTo("ok");
        assertThat(instance.instanceStatus()).isEqualTo("ok");
        assertThat(instance.statusChecksPassed()).isTrue();
    }

    private static String launchTemplate() {
        return ec2.createLaunchTemplate(create -> create
                        .launchTemplateName("mgn-" + UUID.randomUUID())
                        .launchTemplateData(data -> data.instanceType(InstanceType.T2_MICRO)))
                .launchTemplate().launchTemplateId();
    }
}
