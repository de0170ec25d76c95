package dev.ferry.agent;

import dev.ferry.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Integration test: {@link SdkInstanceProfiles} against a real moto server (IAM and EC2
 * emulator). Skipped when moto_server is not installed (see {@link MotoServer}).
 *
 * <p>moto 5.2 loads the AWS managed policies only when started with
 * {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}, which its HTTP configuration endpoint cannot set;
 * the shared {@link MotoServer} does not set it. So attaching
 * {@value ManagedPolicies#MGN_EC2_INSTANCE} by its AWS ARN is refused by this moto, and the
 * attach-and-list round trip is shown with a customer managed policy instead.
 */
class SdkInstanceProfilesMotoIntegrationTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static IamClient iam;
    static Ec2Client ec2;
    static SdkInstanceProfiles profiles;

    @BeforeAll
    static void connect() {
        iam = MOTO.client(IamClient.builder());
        ec2 = MOTO.client(Ec2Client.builder());
        profiles = new SdkInstanceProfiles(iam, ec2);
    }

    @AfterAll
    static void disconnect() {
        iam.close();
        ec2.close();
    }

    @Test
    void anInstanceProfileIsReadWithItsRole() {
        String role = role();
        String profileArn = profileWith(role);

        assertThat(profiles.instanceProfile(profileArn)).hasValueSatisfying(profile -> {
            assertThat(profile.arn()).isEqualTo(profileArn);
            assertThat(profile.roleName()).isEqualTo(role);
        });
    }

    @Test
    void anInstanceProfileThatDoesNotExistIsAbsent() {
        assertThat(profiles.instanceProfile("arn:aws:iam::123456789012:instance-profile/gone-" + UUID.randomUUID()))
                .isEmpty();
    }

    @Test
    void anAttachedPolicyIsListedAndAttachingItAgainChangesNothing() {
        String role = role();
        String policyArn = iam.createPolicy(create -> create.policyName("mgn-like-" + UUID.randomUUID())
                .policyDocument(ALLOW_DESCRIBE)).policy().arn();

        profiles.attachPolicy(role, policyArn);
        profiles.attachPolicy(role, policyArn);

        assertThat(profiles.attachedPolicyArns(role)).containsExactly(policyArn);
    }

    @Test
    void thisMotoRefusesTheAwsManagedMgnPolicyBecauseItDoesNotLoadAwsManagedPolicies() {
        String role = role();

        assertThatThrownBy(() -> profiles.attachPolicy(role,
                ManagedPolicies.arn("aws", ManagedPolicies.MGN_EC2_INSTANCE)))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void anInstanceWithoutAProfileGetsTheProfileAndAssociatingItAgainChangesNothing() {
        String profileArn = profileWith(role());
        String instanceId = instance();

        profiles.associate(instanceId, profileArn);
        profiles.associate(instanceId, profileArn);

        assertThat(ec2.describeIamInstanceProfileAssociations(request -> request.filters(
                        filter -> filter.name("instance-id").values(instanceId)))
                .iamInstanceProfileAssociations())
                .singleElement()
                .satisfies(association -> assertThat(association.iamInstanceProfile().arn()).isEqualTo(profileArn));
    }

    @Test
    void anInstanceWithAnotherProfileKeepsItAndTheConflictIsNamed() {
        String chosen = profileWith(role());
        String provided = profileWith(role());
        String instanceId = instance();
        profiles.associate(instanceId, chosen);

        assertThatThrownBy(() -> profiles.associate(instanceId, provided))
                .isInstanceOf(InstanceProfileConflictException.class)
                .hasMessageContaining(instanceId)
                .hasMessageContaining(chosen);
    }

    private static final String ALLOW_DESCRIBE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}""";

    private static final String EC2_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    private static String role() {
        return iam.createRole(create -> create.roleName("media-" + UUID.randomUUID())
                .assumeRolePolicyDocument(EC2_TRUST)).role().roleName();
    }

    private static String profileWith(String role) {
        String name = "media-" + UUID.randomUUID();
        String arn = iam.createInstanceProfile(create -> create.instanceProfileName(name)).instanceProfile().arn();
        iam.addRoleToInstanceProfile(add -> add.instanceProfileName(name).roleName(role));
        return arn;
    }

    private static String instance() {
        String imageId = ec2.describeImages(images -> images.owners("amazon")).images().getFirst().imageId();
        return ec2.runInstances(run -> run.imageId(imageId).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1))
                .instances().getFirst().instanceId();
    }
}
