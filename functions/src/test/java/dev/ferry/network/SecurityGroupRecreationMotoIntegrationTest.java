package dev.ferry.network;

import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration test: {@link SecurityGroupRecreation} over {@link SdkSourceEc2} (us-east-1) and
 * {@link SdkTargetNetwork} (eu-central-1) against a real moto server, through the real SDK
 * clients and HTTP. Skipped when moto_server is not installed (see {@link MotoServer}).
 */
class SecurityGroupRecreationMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static Ec2Client sourceEc2;
    static Ec2Client targetEc2;
    static SecurityGroupRecreation recreation;

    @BeforeAll
    static void connect() {
        sourceEc2 = MOTO.client(Ec2Client.builder());
        targetEc2 = Ec2Client.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        recreation = new SecurityGroupRecreation(new SdkSourceEc2(sourceEc2), new SdkTargetNetwork(targetEc2));
    }

    @AfterAll
    static void disconnect() {
        sourceEc2.close();
        targetEc2.close();
    }

    @Test
    void twoSourceGroupsReferencingEachOtherBecomeTwoTargetGroupsReferencingEachOther() {
        SourceScene scene = SourceScene.create();
        String targetVpc = vpc(targetEc2);

        SecurityGroupRecreation.RecreatedGroups result = recreation.recreate("w-1", List.of(scene.web), targetVpc);

        assertThat(result.created()).containsExactlyInAnyOrder(scene.web, scene.db);
        String webCopy = result.targetBySource().get(scene.web);
        String dbCopy = result.targetBySource().get(scene.db);
        SecurityGroup web = targetGroup(webCopy);
        SecurityGroup db = targetGroup(dbCopy);
        assertThat(web.vpcId()).isEqualTo(targetVpc);
        assertThat(web.tags()).containsEntry(FerryTags.SOURCE_GROUP, scene.web).containsEntry(FerryTags.WAVE, "w-1")
                .containsEntry(FerryTags.RULES, FerryTags.RULES_COMPLETE);
        assertThat(web.ingress()).containsExactlyInAnyOrder(
                new SecurityGroupRule("tcp", 443, 443, new RulePeer.Ipv4Range("0.0.0.0/0"), "https from anywhere"),
                new SecurityGroupRule("tcp", 8080, 8080, new RulePeer.GroupReference(dbCopy), "callbacks from db"));
        assertThat(db.ingress()).containsExactly(
                new SecurityGroupRule("tcp", 5432, 5432, new RulePeer.GroupReference(webCopy), "postgres from web"));
        // The source db group lets nothing out; its copy loses the egress rule EC2 gives new groups.
        assertThat(db.egress()).isEmpty();
        assertThat(web.egress()).containsExactly(SecurityGroupRule.allTraffic(new RulePeer.Ipv4Range("0.0.0.0/0")));
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void aRerunCreatesNothingAddsNothingAndReportsNoDifference() {
        SourceScene scene = SourceScene.create();
        String targetVpc = vpc(targetEc2);
        SecurityGroupRecreation.RecreatedGroups first = recreation.recreate("w-1", List.of(scene.web), targetVpc);
        SecurityGroup webBefore = targetGroup(first.targetBySource().get(scene.web));

        SecurityGroupRecreation.RecreatedGroups second = recreation.recreate("w-1", List.of(scene.web), targetVpc);

        assertThat(second.created()).isEmpty();
        assertThat(second.rulesAdded()).isZero();
        assertThat(second.differences()).isEmpty();
        assertThat(second.targetBySource()).isEqualTo(first.targetBySource());
        assertThat(targetGroup(first.targetBySource().get(scene.web))).isEqualTo(webBefore);
        assertThat(ferryGroupsIn(targetVpc)).hasSize(2);
    }

    @Test
    void aRuleChangedByHandOnAFinishedCopyIsReportedAndLeftAsItIs() {
        SourceScene scene = SourceScene.create();
        String targetVpc = vpc(targetEc2);
        String webCopy = recreation.recreate("w-1", List.of(scene.web), targetVpc).targetBySource().get(scene.web);
        targetEc2.authorizeSecurityGroupIngress(request -> request.groupId(webCopy).ipPermissions(
                tcp(22, permission -> permission.ipRanges(range -> range.cidrIp("203.0.113.0/24")))));
        targetEc2.revokeSecurityGroupIngress(request -> request.groupId(webCopy).ipPermissions(
                tcp(443, permission -> permission.ipRanges(range -> range.cidrIp("0.0.0.0/0")))));

        SecurityGroupRecreation.RecreatedGroups rerun = recreation.recreate("w-1", List.of(scene.web), targetVpc);

        assertThat(rerun.differences()).extracting(SecurityGroupPlan.RuleDifference::kind, d -> d.rule().fromPort())
                .containsExactlyInAnyOrder(
                        tuple(SecurityGroupPlan.RuleDifference.Kind.EXTRA_IN_TARGET, 22),
                        tuple(SecurityGroupPlan.RuleDifference.Kind.MISSING_IN_TARGET, 443));
        assertThat(targetGroup(webCopy).ingress()).extracting(SecurityGroupRule::fromPort).containsExactlyInAnyOrder(22, 8080);
    }

    @Test
    void aCopyInterruptedBeforeItsRulesIsFinishedByTheNextRun() {
        SourceScene scene = SourceScene.create();
        String targetVpc = vpc(targetEc2);
        // As if a run had crashed right after creating the db copy: tagged, no rules yet.
        String dbCopy = targetEc2.createSecurityGroup(create -> create.vpcId(targetVpc)
                .groupName("ferry-" + scene.db + "-db").description("database")
                .tagSpecifications(spec -> spec.resourceType(ResourceType.SECURITY_GROUP).tags(
                        Tag.builder().key(FerryTags.SOURCE_GROUP).value(scene.db).build())))
                .groupId();

        SecurityGroupRecreation.RecreatedGroups result = recreation.recreate("w-1", List.of(scene.web), targetVpc);

        assertThat(result.created()).containsExactly(scene.web);
        assertThat(result.targetBySource()).containsEntry(scene.db, dbCopy);
        SecurityGroup db = targetGroup(dbCopy);
        assertThat(db.ingress()).containsExactly(new SecurityGroupRule("tcp", 5432, 5432,
                new RulePeer.GroupReference(result.targetBySource().get(scene.web)), "postgres from web"));
        assertThat(db.egress()).isEmpty();
        assertThat(db.tag(FerryTags.RULES)).isEqualTo(FerryTags.RULES_COMPLETE);
    }

    @Test
    void aRuleNamingAGroupOfAnotherVpcIsReportedAndNotCopied() {
        SourceScene scene = SourceScene.create();
        String otherVpc = vpc(sourceEc2);
        String elsewhere = group(sourceEc2, otherVpc, "monitoring", "monitoring");
        sourceEc2.authorizeSecurityGroupIngress(request -> request.groupId(scene.db).ipPermissions(
                tcp(9187, permission -> permission.userIdGroupPairs(pair -> pair.groupId(elsewhere)))));
        String targetVpc = vpc(targetEc2);

        SecurityGroupRecreation.RecreatedGroups result = recreation.recreate("w-1", List.of(scene.web), targetVpc);

        assertThat(result.targetBySource()).doesNotContainKey(elsewhere);
        assertThat(result.outsideReferences()).singleElement().satisfies(outside -> {
            assertThat(outside.sourceGroupId()).isEqualTo(scene.db);
            assertThat(outside.rule().peer()).isEqualTo(new RulePeer.GroupReference(elsewhere));
        });
        assertThat(targetGroup(result.targetBySource().get(scene.db)).ingress()).extracting(SecurityGroupRule::fromPort)
                .containsExactly(5432);
    }

    @Test
    void aSourceGroupThatDoesNotExistFailsNamingIt() {
        String targetVpc = vpc(targetEc2);

        assertThatThrownBy(() -> recreation.recreate("w-1", List.of("sg-00000000000000000"), targetVpc))
                .isInstanceOf(SecurityGroupNotFoundException.class)
                .hasMessageContaining("sg-00000000000000000");
    }

    /** A source VPC with a web group and a db group whose rules reference each other. */
    private record SourceScene(String sourceVpc, String web, String db) {

        static SourceScene create() {
            String vpc = vpc(sourceEc2);
            String web = group(sourceEc2, vpc, "web", "web servers");
            String db = group(sourceEc2, vpc, "db", "database");
            sourceEc2.authorizeSecurityGroupIngress(request -> request.groupId(web).ipPermissions(
                    tcp(443, permission -> permission.ipRanges(range -> range.cidrIp("0.0.0.0/0")
                            .description("https from anywhere"))),
                    tcp(8080, permission -> permission.userIdGroupPairs(pair -> pair.groupId(db)
                            .description("callbacks from db")))));
            sourceEc2.authorizeSecurityGroupIngress(request -> request.groupId(db).ipPermissions(
                    tcp(5432, permission -> permission.userIdGroupPairs(pair -> pair.groupId(web)
                            .description("postgres from web")))));
            sourceEc2.revokeSecurityGroupEgress(request -> request.groupId(db).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
            return new SourceScene(vpc, web, db);
        }
    }

    private static IpPermission tcp(int port, Consumer<IpPermission.Builder> peer) {
        IpPermission.Builder permission = IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port);
        peer.accept(permission);
        return permission.build();
    }

    private static String vpc(Ec2Client ec2) {
        return ec2.createVpc(create -> create.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    private static String group(Ec2Client ec2, String vpc, String name, String description) {
        return ec2.createSecurityGroup(create -> create.vpcId(vpc).groupName(name + "-" + UUID.randomUUID())
                .description(description)).groupId();
    }

    private static SecurityGroup targetGroup(String groupId) {
        return new SdkTargetNetwork(targetEc2).describeGroup(groupId).orElseThrow();
    }

    private static List<SecurityGroup> ferryGroupsIn(String vpc) {
        return targetEc2.describeSecurityGroups(request -> request.filters(
                        filter -> filter.name("vpc-id").values(vpc)))
                .securityGroups().stream()
                .map(Ec2Shapes::group)
                .filter(group -> group.tag(FerryTags.SOURCE_GROUP) != null)
                .toList();
    }
}
