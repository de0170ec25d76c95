package dev.ferry.network;

import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: {@link SdkSourceEc2} reading an instance and its groups from a real moto
 * server (EC2 and IAM emulator). Skipped when moto_server is not installed (see {@link MotoServer}).
 */
class SdkSourceEc2MotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static Ec2Client ec2;
    static IamClient iam;
    static SdkSourceEc2 sourceEc2;

    @BeforeAll
    static void connect() {
        ec2 = MOTO.client(Ec2Client.builder());
        iam = MOTO.client(IamClient.builder());
        sourceEc2 = new SdkSourceEc2(ec2);
    }

    @AfterAll
    static void disconnect() {
        ec2.close();
        iam.close();
    }

    @Test
    void anInstanceIsDescribedWithEverythingALaunchAndAnAgentInstallNeed() {
        Subnet subnet = ec2.describeSubnets().subnets().getFirst();
        String group = ec2.createSecurityGroup(create -> create.vpcId(subnet.vpcId())
                .groupName("media-" + UUID.randomUUID()).description("media")).groupId();
        String profileArn = iam.createInstanceProfile(create -> create.instanceProfileName("media-" + UUID.randomUUID()))
                .instanceProfile().arn();
        String imageId = image(null);
        String instanceId = ec2.runInstances(run -> run.imageId(imageId).instanceType(InstanceType.T2_MICRO)
                        .minCount(1).maxCount(1).subnetId(subnet.subnetId()).securityGroupIds(group)
                        .keyName("media-key").iamInstanceProfile(profile -> profile.arn(profileArn))
                        .tagSpecifications(spec -> spec.resourceType(ResourceType.INSTANCE)
                                .tags(tag -> tag.key("app").value("media"))))
                .instances().getFirst().instanceId();

        Map<String, SourceInstance> found = sourceEc2.describeInstances(List.of(instanceId, "i-00000000000000000"));

        assertThat(found).containsOnlyKeys(instanceId);
        assertThat(found.get(instanceId)).isEqualTo(new SourceInstance(instanceId, "t2.micro", subnet.subnetId(),
                subnet.availabilityZone(), subnet.vpcId(), List.of(group), profileArn, Platform.LINUX, "media-key",
                Map.of("app", "media")));
    }

    @Test
    void aWindowsInstanceIsDescribedAsWindows() {
        String imageId = image("windows");
        String instanceId = ec2.runInstances(run -> run.imageId(imageId).instanceType(InstanceType.T3_MEDIUM)
                .minCount(1).maxCount(1)).instances().getFirst().instanceId();

        SourceInstance instance = sourceEc2.describeInstances(List.of(instanceId)).get(instanceId);

        assertThat(instance.platform()).isEqualTo(Platform.WINDOWS);
        assertThat(instance.instanceProfileArn()).isNull();
    }

    @Test
    void securityGroupsAreDescribedOneRulePerPeerAndUnknownGroupsAreLeftOut() {
        String vpc = ec2.createVpc(create -> create.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String group = ec2.createSecurityGroup(create -> create.vpcId(vpc)
                .groupName("web-" + UUID.randomUUID()).description("web")).groupId();
        ec2.authorizeSecurityGroupIngress(request -> request.groupId(group).ipPermissions(permission -> permission
                .ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(range -> range.cidrIp("10.0.0.0/8").description("office"))
                .ipv6Ranges(range -> range.cidrIpv6("2001:db8::/32"))
                .userIdGroupPairs(pair -> pair.groupId(group))));

        List<SecurityGroup> groups = sourceEc2.describeSecurityGroups(List.of(group, "sg-00000000000000000"));

        assertThat(groups).singleElement().satisfies(described -> {
            assertThat(described.vpcId()).isEqualTo(vpc);
            assertThat(described.ingress()).containsExactlyInAnyOrder(
                    new SecurityGroupRule("tcp", 80, 80, new RulePeer.Ipv4Range("10.0.0.0/8"), "office"),
                    new SecurityGroupRule("tcp", 80, 80, new RulePeer.Ipv6Range("2001:db8::/32"), null),
                    new SecurityGroupRule("tcp", 80, 80, new RulePeer.GroupReference(group), null));
            assertThat(described.egress()).containsExactly(
                    SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0")));
        });
    }

    /** An Amazon image of moto's catalogue with this EC2 platform (null: Linux). */
    private static String image(String platform) {
        return ec2.describeImages(images -> images.owners("amazon")).images().stream()
                .filter(image -> Objects.equals(image.platformAsString(), platform))
                .findFirst().orElseThrow().imageId();
    }
}
