package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.network.FerryTags;
import dev.ferry.network.RulePeer;
import dev.ferry.network.SdkSourceEc2;
import dev.ferry.network.SdkTargetNetwork;
import dev.ferry.network.SecurityGroup;
import dev.ferry.network.SecurityGroupConflictException;
import dev.ferry.network.SecurityGroupPlan;
import dev.ferry.network.SecurityGroupRecreation.RecreatedGroups;
import dev.ferry.network.SecurityGroupRecreation;
import dev.ferry.network.SecurityGroupRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The simulated EC2's security groups, driven by the controller's own adapters ({@link SdkSourceEc2} in
 * us-east-1, {@link SdkTargetNetwork} in eu-central-1) and {@link SecurityGroupRecreation} through the real SDK.
 */
class SecurityGroupSimulationTest {

    private static final String SOURCE_VPC = "vpc-0a0000000000000a1";
    private static final String TARGET_VPC = "vpc-0b0000000000000b1";
    private static final String WEB = "sg-0a000000000000001";
    private static final String DB = "sg-0a000000000000002";

    private final SimulatedAccount account = SimulatedAccount.with(new Ec2Resources(
            new RegionResources(List.of(), List.of(
                    new SecurityGroupSpec(WEB, "web", "web servers", SOURCE_VPC, Map.of(), List.of(
                            tcp(443, GroupRule.PeerKind.IPV4_RANGE, "0.0.0.0/0", "https from anywhere"),
                            tcp(8080, GroupRule.PeerKind.GROUP, DB, "callbacks from db")),
                            List.of(GroupRule.allTrafficToAnywhere())),
                    new SecurityGroupSpec(DB, "db", "database", SOURCE_VPC, Map.of(), List.of(
                            tcp(5432, GroupRule.PeerKind.GROUP, WEB, "postgres from web")), List.of())),
                    List.of(), List.of()),
            new RegionResources(List.of(TARGET_VPC), List.of(), List.of(), List.of())), IamResources.NONE);
    private final SecurityGroupRecreation recreation = new SecurityGroupRecreation(
            new SdkSourceEc2(account.sourceEc2()), new SdkTargetNetwork(account.targetEc2()));

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void twoSourceGroupsReferencingEachOtherBecomeTwoTargetGroupsReferencingEachOther() {
        RecreatedGroups result = recreation.recreate("w-1", List.of(WEB), TARGET_VPC);

        String webCopy = result.targetBySource().get(WEB);
        String dbCopy = result.targetBySource().get(DB);
        assertThat(result.created()).containsExactlyInAnyOrder(WEB, DB);
        SecurityGroup web = targetGroup(webCopy);
        assertThat(web.vpcId()).isEqualTo(TARGET_VPC);
        assertThat(web.tags()).containsEntry(FerryTags.SOURCE_GROUP, WEB).containsEntry(FerryTags.WAVE, "w-1")
                .containsEntry(FerryTags.RULES, FerryTags.RULES_COMPLETE);
        assertThat(web.ingress()).containsExactlyInAnyOrder(
                new SecurityGroupRule("tcp", 443, 443, new RulePeer.Ipv4Range("0.0.0.0/0"), "https from anywhere"),
                new SecurityGroupRule("tcp", 8080, 8080, new RulePeer.GroupReference(dbCopy), "callbacks from db"));
        assertThat(web.egress()).containsExactly(SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0")));
        assertThat(targetGroup(dbCopy).ingress()).containsExactly(
                new SecurityGroupRule("tcp", 5432, 5432, new RulePeer.GroupReference(webCopy), "postgres from web"));
        assertThat(targetGroup(dbCopy).egress()).isEmpty();
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void aRerunCreatesNothingAddsNothingAndLeavesTheCopiesAsTheyAre() {
        RecreatedGroups first = recreation.recreate("w-1", List.of(WEB), TARGET_VPC);
        SecurityGroup webBefore = targetGroup(first.targetBySource().get(WEB));

        RecreatedGroups second = recreation.recreate("w-1", List.of(WEB), TARGET_VPC);

        assertThat(second.created()).isEmpty();
        assertThat(second.rulesAdded()).isZero();
        assertThat(second.targetBySource()).isEqualTo(first.targetBySource());
        assertThat(targetGroup(first.targetBySource().get(WEB))).isEqualTo(webBefore);
    }

    @Test
    void aRuleChangedByHandOnAFinishedCopyIsReportedAsADifference() {
        String webCopy = recreation.recreate("w-1", List.of(WEB), TARGET_VPC).targetBySource().get(WEB);
        account.targetEc2().revokeSecurityGroupIngress(request -> request.groupId(webCopy).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));

        RecreatedGroups rerun = recreation.recreate("w-1", List.of(WEB), TARGET_VPC);

        assertThat(rerun.differences()).extracting(SecurityGroupPlan.RuleDifference::kind, d -> d.rule().fromPort())
                .containsExactly(tuple(SecurityGroupPlan.RuleDifference.Kind.MISSING_IN_TARGET, 443));
    }

    @Test
    void anUntaggedGroupOfTheCopysNameIsAConflictNamedByTheAdapter() {
        String name = "ferry-" + WEB + "-web";
        account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC).groupName(name).description("by hand"));

        assertThatThrownBy(() -> recreation.recreate("w-1", List.of(WEB), TARGET_VPC))
                .isInstanceOf(SecurityGroupConflictException.class)
                .hasMessageContaining(name);
    }

    @Test
    void aSecondGroupOfTheSameNameInAVpcIsRefusedAsADuplicate() {
        account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC).groupName("app").description("one"));

        assertThatThrownBy(() -> account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC)
                .groupName("app").description("two")))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidGroup.Duplicate"));
    }

    @Test
    void aNewGroupLetsAllTrafficOutAsInEc2() {
        String groupId = account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC).groupName("app")
                .description("app")).groupId();

        assertThat(targetGroup(groupId).egress()).containsExactly(
                SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0")));
        assertThat(targetGroup(groupId).ingress()).isEmpty();
    }

    @Test
    void addingARuleThatIsThereAlreadyIsRefusedAndChangesNothing() {
        String groupId = account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC).groupName("app")
                .description("app")).groupId();
        IpPermission ssh = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(range -> range.cidrIp("10.0.0.0/8")).build();
        IpPermission https = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(range -> range.cidrIp("10.0.0.0/8")).build();
        account.targetEc2().authorizeSecurityGroupIngress(request -> request.groupId(groupId).ipPermissions(ssh));

        assertThatThrownBy(() -> account.targetEc2().authorizeSecurityGroupIngress(request -> request.groupId(groupId)
                .ipPermissions(https, ssh)))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidPermission.Duplicate"));
        assertThat(targetGroup(groupId).ingress()).extracting(SecurityGroupRule::fromPort).containsExactly(22);
    }

    @Test
    void removingARuleThatIsNotThereIsRefused() {
        String groupId = account.targetEc2().createSecurityGroup(request -> request.vpcId(TARGET_VPC).groupName("app")
                .description("app")).groupId();

        assertThatThrownBy(() -> account.targetEc2().revokeSecurityGroupIngress(request -> request.groupId(groupId)
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(range -> range.cidrIp("10.0.0.0/8")).build())))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidPermission.NotFound"));
    }

    @Test
    void aGroupInAVpcTheRegionDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> account.targetEc2().createSecurityGroup(request -> request.vpcId("vpc-0fffffffffffffff1")
                .groupName("app").description("app")))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidVpcID.NotFound"));
    }

    @Test
    void theSourceRegionsGroupsAreNotSeenFromTheTargetRegion() {
        List<SecurityGroup> fromTarget = new SdkSourceEc2(account.targetEc2()).describeSecurityGroups(List.of(WEB));
        List<SecurityGroup> fromSource = new SdkSourceEc2(account.sourceEc2()).describeSecurityGroups(List.of(WEB));

        assertThat(fromTarget).isEmpty();
        assertThat(fromSource).extracting(SecurityGroup::name).containsExactly("web");
    }

    @Test
    void aGroupAskedForByAnIdThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> account.sourceEc2().describeSecurityGroups(request -> request.groupIds("sg-0ffffffffffffff99")))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidGroup.NotFound"));
    }

    @Test
    void groupsArePagedWhenAPageSizeIsGiven() {
        var firstPage = account.sourceEc2().describeSecurityGroups(request -> request.maxResults(5));
        for (int n = 0; n < 5; n++) {
            int number = n;
            account.sourceEc2().createSecurityGroup(request -> request.vpcId(SOURCE_VPC).groupName("extra-" + number)
                    .description("extra"));
        }

        List<String> names = account.sourceEc2().describeSecurityGroupsPaginator(request -> request.maxResults(5))
                .securityGroups().stream().map(group -> group.groupName()).toList();

        assertThat(firstPage.nextToken()).isNull();
        assertThat(names).hasSize(7).startsWith("web", "db");
    }

    @Test
    void aRequestSignedForARegionTheSimulationDoesNotHaveIsRefused() {
        try (Ec2Client elsewhere = account.ec2Client(Region.AP_SOUTHEAST_2)) {
            assertThatThrownBy(elsewhere::describeSecurityGroups)
                    .satisfies(error -> assertThat(code(error)).isEqualTo("AuthFailure"))
                    .hasMessageContaining("ap-southeast-2");
        }
    }

    private SecurityGroup targetGroup(String groupId) {
        return new SdkTargetNetwork(account.targetEc2()).describeGroup(groupId).orElseThrow();
    }

    private static GroupRule tcp(int port, GroupRule.PeerKind kind, String peer, String description) {
        return new GroupRule("tcp", port, port, kind, peer, description);
    }

    static String code(Throwable error) {
        assertThat(error).isInstanceOf(Ec2Exception.class);
        return ((Ec2Exception) error).awsErrorDetails().errorCode();
    }
}
