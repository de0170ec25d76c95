package dev.ferry.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How {@link SdkTargetNetwork} sends rules and reads EC2's refusals. */
@ExtendWith(MockitoExtension.class)
class SdkTargetNetworkTest {

    private static final SecurityGroupRule HTTPS = new SecurityGroupRule("tcp", 443, 443,
            new RulePeer.Ipv4Range("0.0.0.0/0"), "https");
    private static final SecurityGroupRule SSH = new SecurityGroupRule("tcp", 22, 22,
            new RulePeer.GroupReference("sg-bastion"), "ssh from bastion");

    @Mock
    Ec2Client ec2;

    @Test
    void allRulesOfAGroupAreAddedInOneCallOnePermissionPerRule() {
        new SdkTargetNetwork(ec2).authorize("sg-1", RuleDirection.INGRESS, List.of(HTTPS, SSH));

        ArgumentCaptor<AuthorizeSecurityGroupIngressRequest> sent =
                ArgumentCaptor.forClass(AuthorizeSecurityGroupIngressRequest.class);
        verify(ec2).authorizeSecurityGroupIngress(sent.capture());
        assertThat(sent.getValue().groupId()).isEqualTo("sg-1");
        assertThat(sent.getValue().ipPermissions()).satisfiesExactly(
                https -> {
                    assertThat(https.ipProtocol()).isEqualTo("tcp");
                    assertThat(https.fromPort()).isEqualTo(443);
                    assertThat(https.ipRanges()).singleElement().satisfies(range -> {
                        assertThat(range.cidrIp()).isEqualTo("0.0.0.0/0");
                        assertThat(range.description()).isEqualTo("https");
                    });
                },
                ssh -> assertThat(ssh.userIdGroupPairs()).singleElement()
                        .satisfies(pair -> assertThat(pair.groupId()).isEqualTo("sg-bastion")));
    }

    @Test
    void whenARuleIsThereAlreadyTheOthersAreAddedOneByOne() {
        when(ec2.authorizeSecurityGroupIngress(any(AuthorizeSecurityGroupIngressRequest.class)))
                .thenThrow(ec2Error(SdkTargetNetwork.PERMISSION_DUPLICATE))
                .thenThrow(ec2Error(SdkTargetNetwork.PERMISSION_DUPLICATE))
                .thenReturn(AuthorizeSecurityGroupIngressResponse.builder().build());

        new SdkTargetNetwork(ec2).authorize("sg-1", RuleDirection.INGRESS, List.of(HTTPS, SSH));

        ArgumentCaptor<AuthorizeSecurityGroupIngressRequest> sent =
                ArgumentCaptor.forClass(AuthorizeSecurityGroupIngressRequest.class);
        verify(ec2, times(3)).authorizeSecurityGroupIngress(sent.capture());
        assertThat(sent.getAllValues()).extracting(request -> request.ipPermissions().size()).containsExactly(2, 1, 1);
        assertThat(sent.getAllValues().get(2).ipPermissions()).extracting(IpPermission::fromPort).containsExactly(22);
    }

    @Test
    void anotherRefusalIsNotSwallowed() {
        when(ec2.authorizeSecurityGroupIngress(any(AuthorizeSecurityGroupIngressRequest.class)))
                .thenThrow(ec2Error("RulesPerSecurityGroupLimitExceeded"));

        assertThatThrownBy(() -> new SdkTargetNetwork(ec2).authorize("sg-1", RuleDirection.INGRESS, List.of(HTTPS, SSH)))
                .isInstanceOf(Ec2Exception.class);
    }

    @Test
    void revokingARuleThatIsGoneAlreadyIsDone() {
        when(ec2.revokeSecurityGroupEgress(any(RevokeSecurityGroupEgressRequest.class)))
                .thenThrow(ec2Error(SdkTargetNetwork.PERMISSION_NOT_FOUND));

        new SdkTargetNetwork(ec2).revoke("sg-1", RuleDirection.EGRESS,
                List.of(SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0"))));

        verify(ec2).revokeSecurityGroupEgress(any(RevokeSecurityGroupEgressRequest.class));
    }

    @Test
    void aGroupNameTakenByAGroupFerryDidNotTagIsAConflictNamingBoth() {
        when(ec2.createSecurityGroup(any(CreateSecurityGroupRequest.class)))
                .thenThrow(ec2Error(SdkTargetNetwork.GROUP_DUPLICATE));
        when(ec2.describeSecurityGroups(any(DescribeSecurityGroupsRequest.class))).thenReturn(groupsNamed(
                "ferry-sg-web-web", Map.of("Name", "someone else's")));
        SecurityGroupPlan.GroupToCreate group = new SecurityGroupPlan.GroupToCreate("sg-web", "ferry-sg-web-web",
                "web", Map.of(FerryTags.SOURCE_GROUP, "sg-web"));

        assertThatThrownBy(() -> new SdkTargetNetwork(ec2).createGroup("vpc-1", group))
                .isInstanceOf(SecurityGroupConflictException.class)
                .hasMessageContaining("ferry-sg-web-web")
                .hasMessageContaining("vpc-1");
    }

    @Test
    void aGroupNameTakenByTheSameRequestSentAgainIsTheGroupItCreated() {
        when(ec2.createSecurityGroup(any(CreateSecurityGroupRequest.class)))
                .thenThrow(ec2Error(SdkTargetNetwork.GROUP_DUPLICATE));
        when(ec2.describeSecurityGroups(any(DescribeSecurityGroupsRequest.class))).thenReturn(groupsNamed(
                "ferry-sg-web-web", Map.of(FerryTags.SOURCE_GROUP, "sg-web")));
        SecurityGroupPlan.GroupToCreate group = new SecurityGroupPlan.GroupToCreate("sg-web", "ferry-sg-web-web",
                "web", Map.of(FerryTags.SOURCE_GROUP, "sg-web"));

        String groupId = new SdkTargetNetwork(ec2).createGroup("vpc-1", group);

        assertThat(groupId).isEqualTo("sg-created-before");
        ArgumentCaptor<DescribeSecurityGroupsRequest> asked = ArgumentCaptor.forClass(DescribeSecurityGroupsRequest.class);
        verify(ec2).describeSecurityGroups(asked.capture());
        assertThat(asked.getValue().filters()).extracting(Filter::name, filter -> filter.values().getFirst())
                .containsExactlyInAnyOrder(tuple("vpc-id", "vpc-1"), tuple("group-name", "ferry-sg-web-web"));
    }

    /** EC2's answer listing one group of that name in vpc-1, with these tags. */
    private static DescribeSecurityGroupsResponse groupsNamed(String name, Map<String, String> tags) {
        return DescribeSecurityGroupsResponse.builder().securityGroups(software.amazon.awssdk.services.ec2.model
                .SecurityGroup.builder().groupId("sg-created-before").groupName(name).vpcId("vpc-1").description("web")
                .tags(tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                        .toList())
                .build()).build();
    }

    private static Ec2Exception ec2Error(String code) {
        return (Ec2Exception) Ec2Exception.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .statusCode(400)
                .build();
    }
}
