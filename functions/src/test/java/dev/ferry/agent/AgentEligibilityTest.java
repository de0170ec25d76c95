package dev.ferry.agent;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentEligibilityTest {

    private static final String INSTANCE = "i-0media";
    private static final String PROFILE = "arn:aws:iam::111122223333:instance-profile/media";
    private static final String STACK_PROFILE = "arn:aws:iam::111122223333:instance-profile/ferry-agent";
    private static final String MGN = ManagedPolicies.arn("aws", ManagedPolicies.MGN_EC2_INSTANCE);
    private static final String SSM = ManagedPolicies.arn("aws", ManagedPolicies.SSM_MANAGED_INSTANCE_CORE);
    private static final AgentFixPolicy MAY_ATTACH = new AgentFixPolicy(true, null);

    @Test
    void anSsmManagedInstanceWhoseRoleHasTheMgnPolicyIsReady() {
        AgentReadiness readiness = AgentEligibility.assess(facts(true, PROFILE, "media-role", MGN, SSM), AgentFixPolicy.none());

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.READY);
        assertThat(readiness.reasons()).isEmpty();
        assertThat(readiness.fixes()).isEmpty();
    }

    @Test
    void aRoleWithoutTheMgnPolicyBlocksTheInstanceWhenTheWaveAllowsNoFix() {
        AgentReadiness readiness = AgentEligibility.assess(facts(true, PROFILE, "media-role", SSM), AgentFixPolicy.none());

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.BLOCKED);
        assertThat(readiness.reasons()).containsExactly(
                "role media-role of i-0media lacks AWSApplicationMigrationServiceEc2InstancePolicy");
        assertThat(readiness.fixes()).isEmpty();
    }

    @Test
    void aRoleWithoutTheMgnPolicyGetsItAttachedWhenTheWaveAllows() {
        AgentReadiness readiness = AgentEligibility.assess(facts(true, PROFILE, "media-role", SSM), MAY_ATTACH);

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.FIXABLE);
        assertThat(readiness.fixes()).containsExactly(new AgentFix.AttachPolicy("media-role", MGN));
    }

    @Test
    void thePolicyIsAttachedInThePartitionOfTheInstanceProfile() {
        AgentReadiness readiness = AgentEligibility.assess(
                facts(true, "arn:aws-us-gov:iam::111122223333:instance-profile/media", "media-role"), MAY_ATTACH);

        assertThat(readiness.fixes()).containsExactly(new AgentFix.AttachPolicy("media-role",
                "arn:aws-us-gov:iam::aws:policy/AWSApplicationMigrationServiceEc2InstancePolicy"));
    }

    @Test
    void anInstanceWithoutAProfileIsBlockedWhenTheStackProvidesNone() {
        AgentReadiness readiness = AgentEligibility.assess(facts(false, null, null), MAY_ATTACH);

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.BLOCKED);
        assertThat(readiness.reasons()).containsExactly("i-0media has no instance profile", "i-0media is not managed by SSM");
    }

    @Test
    void anInstanceWithoutAProfileGetsTheStacksProfileWhenTheWaveAllows() {
        AgentReadiness readiness = AgentEligibility.assess(facts(false, null, null), new AgentFixPolicy(false, STACK_PROFILE));

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.FIXABLE);
        assertThat(readiness.fixes()).containsExactly(new AgentFix.AssociateInstanceProfile(INSTANCE, STACK_PROFILE));
    }

    @Test
    void aProfileWithoutARoleIsBlockedAndNeverReplaced() {
        AgentReadiness readiness = AgentEligibility.assess(facts(true, PROFILE, null),
                new AgentFixPolicy(true, STACK_PROFILE));

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.BLOCKED);
        assertThat(readiness.summary()).contains(PROFILE, "has no role");
    }

    @Test
    void anInstanceNotManagedBySsmWhoseRoleLacksTheSsmPolicyGetsItWhenTheWaveAllows() {
        AgentReadiness readiness = AgentEligibility.assess(facts(false, PROFILE, "media-role", MGN), MAY_ATTACH);

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.FIXABLE);
        assertThat(readiness.reasons()).containsExactly(
                "i-0media is not managed by SSM: role media-role lacks AmazonSSMManagedInstanceCore");
        assertThat(readiness.fixes()).containsExactly(new AgentFix.AttachPolicy("media-role", SSM));
    }

    @Test
    void anInstanceNotManagedBySsmAlthoughItsRoleHasTheSsmPolicyNeedsAPerson() {
        AgentReadiness readiness = AgentEligibility.assess(facts(false, PROFILE, "media-role", SSM), MAY_ATTACH);

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.BLOCKED);
        assertThat(readiness.summary()).contains("not managed by SSM", "SSM Agent is not running");
        assertThat(readiness.fixes()).isEmpty();
    }

    @Test
    void bothPoliciesAreAttachedWhenBothAreMissing() {
        AgentReadiness readiness = AgentEligibility.assess(facts(false, PROFILE, "media-role"), MAY_ATTACH);

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.FIXABLE);
        assertThat(readiness.fixes()).containsExactly(
                new AgentFix.AttachPolicy("media-role", MGN), new AgentFix.AttachPolicy("media-role", SSM));
    }

    @Test
    void aCustomerPolicyNamedLikeTheMgnPolicyDoesNotCount() {
        AgentReadiness readiness = AgentEligibility.assess(facts(true, PROFILE, "media-role",
                "arn:aws:iam::111122223333:policy/AWSApplicationMigrationServiceEc2InstancePolicy"), AgentFixPolicy.none());

        assertThat(readiness.status()).isEqualTo(AgentReadiness.Status.BLOCKED);
    }

    private static AgentFacts facts(boolean ssmOnline, String profileArn, String role, String... policies) {
        return new AgentFacts(INSTANCE, ssmOnline, profileArn, role, Set.of(policies));
    }
}
