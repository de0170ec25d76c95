package dev.ferry.local.rehearsal.environment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.local.cloud.ec2.GroupRule;
import dev.ferry.local.cloud.ec2.InstanceSpec;
import dev.ferry.local.cloud.ec2.SecurityGroupSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code ec2} and {@code iam} sections of an environment file, read strictly. */
class ResourceEnvironmentReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxvqkP1m4iE5yV0DdAGwm7tWqS2rF0pKk9u6s8XbJfQ ops";
    private static final String GROUP = """
            {"groupId": "sg-0a000000000000001", "groupName": "web", "description": "web", "vpcId": "vpc-0a0000000000000a1",
             "ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrs": ["0.0.0.0/0"]}]}""";
    private static final String INSTANCE = """
            {"instanceId": "i-0a1b2c3d4e5f60718", "instanceType": "t3.small", "availabilityZone": "us-east-1a",
             "subnetId": "subnet-0a0000000000000a1", "vpcId": "vpc-0a0000000000000a1", "privateIp": "10.0.1.10",
             "securityGroupIds": ["sg-0a000000000000001"], "instanceProfile": "media", "tags": {"Name": "media"}}""";
    private static final String IAM = """
            {"roles": [{"roleName": "media", "attachedPolicyArns": ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]}],
             "instanceProfiles": [{"name": "media", "roleName": "media"}]}""";

    @Test
    void anEnvironmentWithoutTheSectionsHasNoResources() {
        assertThat(read("{\"sourceRegion\": \"us-east-1\", \"targetRegion\": \"eu-central-1\"}"))
                .isEqualTo(ResourceEnvironment.NONE);
    }

    @Test
    void aCompleteSectionIsReadWithTheDefaultEgressRuleAndTheProfilesArn() {
        ResourceEnvironment resources = read(environment(GROUP, INSTANCE, "", IAM));

        SecurityGroupSpec group = resources.ec2().source().securityGroups().getFirst();
        InstanceSpec instance = resources.ec2().source().instances().getFirst();
        assertThat(group.ingress()).containsExactly(new GroupRule("tcp", 443, 443, GroupRule.PeerKind.IPV4_RANGE,
                "0.0.0.0/0", null));
        assertThat(group.egress()).containsExactly(GroupRule.allTrafficToAnywhere());
        assertThat(instance.instanceProfileArn()).isEqualTo("arn:aws:iam::111122223333:instance-profile/media");
        assertThat(instance.windows()).isFalse();
        assertThat(instance.tags()).containsEntry("Name", "media");
        assertThat(resources.iam().roles().getFirst().attachedPolicyArns())
                .containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    }

    @Test
    void theDemoEnvironmentIsValid() throws IOException {
        Path file = Path.of(System.getProperty("ferry.projectRoot", "../.."), "events/demo-environment.json");

        ResourceEnvironment resources = ResourceEnvironment.fromJson(JSON.readTree(Files.readString(file)));

        assertThat(resources.ec2().source().instances()).isNotEmpty();
    }

    @Test
    void anUnknownFieldIsReportedWithItsPath() {
        assertProblems(environment(GROUP.replace("\"groupName\"", "\"nmae\": \"x\", \"groupName\""), "", "", ""),
                "ec2.source.securityGroups[0].nmae: unknown field");
    }

    @Test
    void aMalformedInstanceIdIsReported() {
        assertProblems(environment(GROUP, INSTANCE.replace("i-0a1b2c3d4e5f60718", "i-XYZ"), "", IAM),
                "ec2.source.instances[0].instanceId: must be \"i-\" and 8 to 17 hex digits");
    }

    @Test
    void anInstancesGroupMustBeAGroupOfItsRegion() {
        String json = "{\"accountId\": \"111122223333\", \"sourceRegion\": \"us-east-1\", \"targetRegion\": \"eu-central-1\","
                + " \"ec2\": {\"source\": {\"instances\": [" + INSTANCE + "]}, \"target\": {\"securityGroups\": [" + GROUP + "]}},"
                + " \"iam\": " + IAM + "}";

        assertProblems(json, "ec2.source.instances[0].securityGroupIds[0]: sg-0a000000000000001 is not a security "
                + "group of us-east-1");
    }

    @Test
    void anInstancesGroupMustBeInItsVpc() {
        assertProblems(environment(GROUP.replace("vpc-0a0000000000000a1", "vpc-0b0000000000000b1"), INSTANCE, "", IAM),
                "ec2.source.instances[0].securityGroupIds[0]: sg-0a000000000000001 is in vpc-0b0000000000000b1");
    }

    @Test
    void anInstancesZoneMustBeInItsRegion() {
        assertProblems(environment(GROUP, INSTANCE.replace("us-east-1a", "eu-west-1a"), "", IAM),
                "ec2.source.instances[0].availabilityZone: eu-west-1a is not a zone of us-east-1");
    }

    @Test
    void anInstanceProfileMustBeOneOfIam() {
        assertProblems(environment(GROUP, INSTANCE, "", ""),
                "ec2.source.instances[0].instanceProfile: media is not an instance profile of iam.instanceProfiles");
    }

    @Test
    void aRulesGroupMustBeAGroupOfTheRegion() {
        assertProblems(environment(GROUP.replace("\"cidrs\": [\"0.0.0.0/0\"]", "\"groupIds\": [\"sg-0f000000000000009\"]"),
                "", "", ""), "ec2.source.securityGroups[0].ingress[0].groupIds[0]: sg-0f000000000000009 is not a "
                + "security group of us-east-1");
    }

    @Test
    void aRuleNeedsAPeer() {
        assertProblems(environment(GROUP.replace(", \"cidrs\": [\"0.0.0.0/0\"]", ""), "", "", ""),
                "ec2.source.securityGroups[0].ingress[0].cidrs: a rule needs at least one peer");
    }

    @Test
    void aTcpRuleNeedsItsPorts() {
        assertProblems(environment(GROUP.replace("\"fromPort\": 443, \"toPort\": 443, ", ""), "", "", ""),
                "ec2.source.securityGroups[0].ingress[0].protocol: a tcp rule needs fromPort and toPort");
    }

    @Test
    void aMalformedCidrIsReported() {
        assertProblems(environment(GROUP.replace("0.0.0.0/0", "10.0.0.0/33"), "", "", ""),
                "ec2.source.securityGroups[0].ingress[0].cidrs[0]: CIDR block 10.0.0.0/33 is malformed");
    }

    @Test
    void twoGroupsOfOneNameInAVpcAreReported() {
        assertProblems(environment(GROUP + ", " + GROUP.replace("sg-0a000000000000001", "sg-0a000000000000002"), "", "", ""),
                "ec2.source.securityGroups[1].groupName: VPC vpc-0a0000000000000a1 has another group named web");
    }

    @Test
    void aPublicKeyEc2CannotImportIsReported() {
        assertProblems(environment("", "", "{\"keyName\": \"ops\", \"publicKey\": \"ssh-dss AAAA ops\"}", ""),
                "ec2.target.keyPairs[0].publicKey: is not an RSA or ED25519 public key");
    }

    @Test
    void twoKeyPairsOfOneNameAreReported() {
        String pair = "{\"keyName\": \"ops\", \"publicKey\": \"" + ED25519 + "\"}";

        assertProblems(environment("", "", pair + ", " + pair, ""), "ec2.target.keyPairs[1].keyName: duplicates another");
    }

    @Test
    void anInstanceProfilesRoleMustBeOneOfIam() {
        assertProblems(environment("", "", "", "{\"instanceProfiles\": [{\"name\": \"media\", \"roleName\": \"gone\"}]}"),
                "iam.instanceProfiles[0].roleName: gone is not a role of iam.roles");
    }

    @Test
    void aPolicyArnMustBeAManagedPolicysArn() {
        assertProblems(environment("", "", "", "{\"roles\": [{\"roleName\": \"media\", \"attachedPolicyArns\": [\"ReadOnly\"]}]}"),
                "iam.roles[0].attachedPolicyArns[0]: must be a managed policy ARN");
    }

    @Test
    void aRoleHoldsAtMostTenPolicies() {
        List<String> arns = IntStream.range(0, 11)
                .mapToObj(n -> "\"arn:aws:iam::111122223333:policy/p" + n + "\"").toList();

        assertProblems(environment("", "", "", "{\"roles\": [{\"roleName\": \"media\", \"attachedPolicyArns\": ["
                + String.join(", ", arns) + "]}]}"), "iam.roles[0].attachedPolicyArns: holds more than IAM's quota of 10");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> read(environment(GROUP.replace("0.0.0.0/0", "bad"), INSTANCE, "", "")))
                .isInstanceOfSatisfying(InvalidResourcesException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void whenSourceAndTargetAreOneRegionAGroupMayNotBeInBothSections() {
        String json = "{\"accountId\": \"111122223333\", \"sourceRegion\": \"us-east-1\", \"targetRegion\": \"us-east-1\","
                + " \"ec2\": {\"source\": {\"securityGroups\": [" + GROUP + "]}, \"target\": {\"securityGroups\": [" + GROUP + "]}}}";

        assertProblems(json, "ec2.target.securityGroups: sg-0a000000000000001 is also in ec2.source");
    }

    /** An environment in us-east-1 to eu-central-1 with these source groups and instances, target key pairs and IAM. */
    private static String environment(String sourceGroups, String sourceInstances, String targetKeyPairs, String iam) {
        return "{\"accountId\": \"111122223333\", \"sourceRegion\": \"us-east-1\", \"targetRegion\": \"eu-central-1\","
                + " \"ec2\": {\"source\": {\"securityGroups\": [" + sourceGroups + "], \"instances\": [" + sourceInstances + "]},"
                + " \"target\": {\"vpcIds\": [\"vpc-0b0000000000000b1\"], \"keyPairs\": [" + targetKeyPairs + "]}}"
                + (iam.isEmpty() ? "" : ", \"iam\": " + iam) + "}";
    }

    private static void assertProblems(String json, String expected) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidResourcesException.class, e ->
                        assertThat(e.problems()).anySatisfy(problem -> assertThat(problem).startsWith(expected)));
    }

    private static ResourceEnvironment read(String json) {
        try {
            return ResourceEnvironment.fromJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
