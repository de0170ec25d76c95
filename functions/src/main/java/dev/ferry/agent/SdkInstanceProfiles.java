package dev.ferry.agent;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** {@link InstanceProfiles} on IAM and on an EC2 client of the source region. */
public class SdkInstanceProfiles implements InstanceProfiles {

    static final String INCORRECT_STATE = "IncorrectState";

    private final IamClient iam;
    private final Ec2Client sourceEc2;

    /**
     * @param iam       the IAM client
     * @param sourceEc2 an EC2 client of the region of the instances
     */
    public SdkInstanceProfiles(IamClient iam, Ec2Client sourceEc2) {
        this.iam = iam;
        this.sourceEc2 = sourceEc2;
    }

    @Override
    public Optional<InstanceProfile> instanceProfile(String instanceProfileArn) {
        // The name is the last part of arn:aws:iam::<account>:instance-profile/<path>/<name>.
        String name = instanceProfileArn.substring(instanceProfileArn.lastIndexOf('/') + 1);
        try {
            software.amazon.awssdk.services.iam.model.InstanceProfile profile = iam.getInstanceProfile(request -> request.instanceProfileName(name)).instanceProfile();
            String roleName = profile.roles().stream().map(Role::roleName).findFirst().orElse(null);
            return Optional.of(new InstanceProfile(profile.arn(), profile.instanceProfileName(), roleName));
        } catch (NoSuchEntityException gone) {
            return Optional.empty();
        }
    }

    @Override
    public Set<String> attachedPolicyArns(String roleName) {
        Set<String> arns = new LinkedHashSet<>();
        ListAttachedRolePoliciesRequest request = ListAttachedRolePoliciesRequest.builder().roleName(roleName).build();
        while (true) {
            ListAttachedRolePoliciesResponse response = iam.listAttachedRolePolicies(request);
            response.attachedPolicies().stream().map(AttachedPolicy::policyArn).forEach(arns::add);
            if (!Boolean.TRUE.equals(response.isTruncated())) {
                return arns;
            }
            request = request.toBuilder().marker(response.marker()).build();
        }
    }

    @Override
    public void attachPolicy(String roleName, String policyArn) {
        iam.attachRolePolicy(request -> request.roleName(roleName).policyArn(policyArn));
    }

    @Override
    public void associate(String instanceId, String instanceProfileArn) {
        try {
            sourceEc2.associateIamInstanceProfile(request -> request
                    .instanceId(instanceId)
                    .iamInstanceProfile(profile -> profile.arn(instanceProfileArn)));
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() == null || !INCORRECT_STATE.equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            // The instance has a profile already: done if it is this one (a retried call).
            Optional<String> current = currentProfileArn(instanceId);
            if (current.isPresent() && current.get().equals(instanceProfileArn)) {
                return;
            }
            throw new InstanceProfileConflictException("Instance " + instanceId + " already has instance profile "
                    + current.orElse("(unknown)") + ", not " + instanceProfileArn
                    + "; Ferry does not replace a profile a person chose", e);
        }
    }

    private Optional<String> currentProfileArn(String instanceId) {
        return sourceEc2.describeIamInstanceProfileAssociations(request -> request.filters(
                        Filter.builder().name("instance-id").values(instanceId).build(),
                        Filter.builder().name("state").values("associating", "associated").build()))
                .iamInstanceProfileAssociations().stream()
                .map(IamInstanceProfileAssociation::iamInstanceProfile)
                .map(IamInstanceProfile::arn)
                .findFirst();
    }
}
