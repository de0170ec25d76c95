package dev.ferry.local.cloud.iam;

import dev.ferry.agent.InstanceProfileConflictException;
import dev.ferry.agent.ManagedPolicies;
import dev.ferry.agent.SdkInstanceProfiles;
import dev.ferry.local.cloud.ec2.Ec2Resources;
import dev.ferry.local.cloud.ec2.InstanceSpec;
import dev.ferry.local.cloud.ec2.RegionResources;
import dev.ferry.local.cloud.ec2.SimulatedAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated IAM and the source region's instance profile associations, driven by the controller's
 * {@link SdkInstanceProfiles} through the real SDK's IAM and EC2 clients.
 */
class InstanceProfileSimulationTest {

    private static final String SSM_CORE = ManagedPolicies.arn("aws", "AmazonSSMManagedInstanceCore");
    private static final String MGN_INSTANCE = ManagedPolicies.arn("aws", ManagedPolicies.MGN_EC2_INSTANCE);
    private static final String BARE = "i-0a00000000000000b";
    private static final String WITH_PROFILE = "i-0a00000000000000c";
    private static final String CHOSEN_ARN = "arn:aws:iam::" + SimulatedAccount.ACCOUNT + ":instance-profile/chosen";

    private final SimulatedAccount account = SimulatedAccount.with(new Ec2Resources(
            new RegionResources(List.of(), List.of(), List.of(instance(BARE, null), instance(WITH_PROFILE, CHOSEN_ARN)),
                    List.of()),
            RegionResources.NONE),
            new IamResources(List.of(new RoleSpec("media", List.of(SSM_CORE)), new RoleSpec("chosen-role", List.of())),
                    List.of(new InstanceProfileSpec("chosen", "chosen-role"))));
    private final SdkInstanceProfiles profiles = new SdkInstanceProfiles(account.iamClient(), account.sourceEc2());

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void anInstanceProfileAddedLikeTheStacksIsReadWithItsRole() {
        String arn = account.iam().addInstanceProfile("ferry-agent", "media");

        assertThat(profiles.instanceProfile(arn)).hasValueSatisfying(profile -> {
            assertThat(profile.arn()).isEqualTo("arn:aws:iam::111122223333:instance-profile/ferry-agent");
            assertThat(profile.name()).isEqualTo("ferry-agent");
            assertThat(profile.roleName()).isEqualTo("media");
        });
    }

    @Test
    void anInstanceProfileThatIsNotThereIsAbsent() {
        assertThat(profiles.instanceProfile("arn:aws:iam::111122223333:instance-profile/gone")).isEmpty();
    }

    @Test
    void aPolicyAttachedTwiceIsListedOnceAfterTheEnvironmentsOwn() {
        profiles.attachPolicy("media", MGN_INSTANCE);
        profiles.attachPolicy("media", MGN_INSTANCE);

        assertThat(profiles.attachedPolicyArns("media")).containsExactly(SSM_CORE, MGN_INSTANCE);
    }

    @Test
    void attachedPoliciesArePagedWithMarkers() {
        profiles.attachPolicy("media", MGN_INSTANCE);

        ListAttachedRolePoliciesResponse first = account.iamClient().listAttachedRolePolicies(request -> request
                .roleName("media").maxItems(1));
        ListAttachedRolePoliciesResponse second = account.iamClient().listAttachedRolePolicies(request -> request
                .roleName("media").maxItems(1).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.attachedPolicies()).extracting(AttachedPolicy::policyName).containsExactly("AmazonSSMManagedInstanceCore");
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.attachedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(MGN_INSTANCE);
    }

    @Test
    void attachingToARoleThatIsNotThereIsNoSuchEntity() {
        assertThatThrownBy(() -> profiles.attachPolicy("gone", MGN_INSTANCE))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void attachingSomethingThatIsNotAPolicyArnIsInvalidInput() {
        assertThatThrownBy(() -> profiles.attachPolicy("media", "AmazonSSMManagedInstanceCore"))
                .isInstanceOfSatisfying(IamException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
    }

    @Test
    void anInstanceWithoutAProfileGetsItAndAssociatingAgainChangesNothing() {
        String arn = account.iam().addInstanceProfile("ferry-agent", "media");

        profiles.associate(BARE, arn);
        profiles.associate(BARE, arn);

        assertThat(account.sourceEc2().describeIamInstanceProfileAssociations(request -> request.filters(
                filter -> filter.name("instance-id").values(BARE))).iamInstanceProfileAssociations())
                .singleElement().satisfies(association -> {
                    assertThat(association.iamInstanceProfile().arn()).isEqualTo(arn);
                    assertThat(association.iamInstanceProfile().id()).startsWith("AIPA");
                    assertThat(association.stateAsString()).isEqualTo("associated");
                });
        assertThat(account.sourceEc2().describeInstances(request -> request.instanceIds(BARE)).reservations().getFirst()
                .instances().getFirst().iamInstanceProfile().arn()).isEqualTo(arn);
    }

    @Test
    void anInstanceWithAnotherProfileKeepsItAndTheConflictIsNamed() {
        String arn = account.iam().addInstanceProfile("ferry-agent", "media");

        assertThatThrownBy(() -> profiles.associate(WITH_PROFILE, arn))
                .isInstanceOf(InstanceProfileConflictException.class)
                .hasMessageContaining(WITH_PROFILE)
                .hasMessageContaining(CHOSEN_ARN);
    }

    @Test
    void aProfileIamDoesNotHaveCannotBeAssociated() {
        assertThatThrownBy(() -> profiles.associate(BARE, "arn:aws:iam::111122223333:instance-profile/gone"))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void instancesOfTheSourceRegionCannotBeAssociatedThroughTheTargetRegion() {
        String arn = account.iam().addInstanceProfile("ferry-agent", "media");

        assertThatThrownBy(() -> new SdkInstanceProfiles(account.iamClient(), account.targetEc2()).associate(BARE, arn))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound"));
    }

    private static InstanceSpec instance(String instanceId, String profileArn) {
        return new InstanceSpec(instanceId, "t3.small", false, "us-east-1a", "subnet-0a0000000000000a1",
                "vpc-0a0000000000000a1", "10.0.1.10", List.of(), null, profileArn, Map.of());
    }
}
