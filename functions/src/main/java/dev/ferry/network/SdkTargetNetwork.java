package dev.ferry.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link TargetNetwork} on an EC2 client of the target region. */
public class SdkTargetNetwork implements TargetNetwork {

    static final String GROUP_DUPLICATE = "InvalidGroup.Duplicate";
    static final String PERMISSION_DUPLICATE = "InvalidPermission.Duplicate";
    static final String PERMISSION_NOT_FOUND = "InvalidPermission.NotFound";
    static final String KEY_PAIR_DUPLICATE = "InvalidKeyPair.Duplicate";

    private static final Logger LOG = LoggerFactory.getLogger(SdkTargetNetwork.class);

    private final Ec2Client ec2;

    /** @param ec2 a client of the target region */
    public SdkTargetNetwork(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public List<SecurityGroup> findFerryGroups(String vpcId, Collection<String> sourceGroupIds) {
        List<SecurityGroup> found = new ArrayList<>();
        for (List<String> batch : SdkSourceEc2.batches(sourceGroupIds)) {
            found.addAll(describeGroups(
                    Filter.builder().name("vpc-id").values(vpcId).build(),
                    Filter.builder().name("tag:" + FerryTags.SOURCE_GROUP).values(batch).build()));
        }
        return found;
    }

    @Override
    public Optional<SecurityGroup> describeGroup(String groupId) {
        return describeGroups(Filter.builder().name("group-id").values(groupId).build()).stream().findFirst();
    }

    @Override
    public String createGroup(String vpcId, SecurityGroupPlan.GroupToCreate group) {
        try {
            return ec2.createSecurityGroup(CreateSecurityGroupRequest.builder()
                            .vpcId(vpcId)
                            .groupName(group.name())
                            .description(group.description())
                            .tagSpecifications(tagSpecifications(ResourceType.SECURITY_GROUP, group.tags()))
                            .build())
                    .groupId();
        } catch (Ec2Exception e) {
            if (GROUP_DUPLICATE.equals(errorCode(e))) {
                // The name may be taken by this very request: EC2 created the group, its answer was lost
                // and the SDK sent the request again. A group with the name and this source's tag is ours.
                Optional<SecurityGroup> ours = describeGroups(
                        Filter.builder().name("vpc-id").values(vpcId).build(),
                        Filter.builder().name("group-name").values(group.name()).build()).stream()
                        .filter(existing -> group.sourceGroupId().equals(existing.tags().get(FerryTags.SOURCE_GROUP)))
                        .findFirst();
                if (ours.isPresent()) {
                    return ours.get().groupId();
                }
                throw new SecurityGroupConflictException("VPC " + vpcId + " already has a security group named "
                        + group.name() + " that is not tagged " + FerryTags.SOURCE_GROUP + "=" + group.sourceGroupId()
                        + " (or EC2 does not list it yet); tag it, rename it or delete it, then retry", e);
            }
            throw e;
        }
    }

    @Override
    public void authorize(String groupId, RuleDirection direction, List<SecurityGroupRule> rules) {
        apply(rules, PERMISSION_DUPLICATE, permissions -> {
            if (direction == RuleDirection.INGRESS) {
                ec2.authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest.builder()
                        .groupId(groupId).ipPermissions(permissions).build());
            } else {
                ec2.authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest.builder()
                        .groupId(groupId).ipPermissions(permissions).build());
            }
        });
    }

    @Override
    public void revoke(String groupId, RuleDirection direction, List<SecurityGroupRule> rules) {
        apply(rules, PERMISSION_NOT_FOUND, permissions -> {
            if (direction == RuleDirection.INGRESS) {
                ec2.revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest.builder()
                        .groupId(groupId).ipPermissions(permissions).build());
            } else {
                ec2.revokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest.builder()
                        .groupId(groupId).ipPermissions(permissions).build());
            }
        });
    }

    @Override
    public void tag(String groupId, Map<String, String> tags) {
        ec2.createTags(CreateTagsRequest.builder().resources(groupId).tags(Ec2Shapes.tags(tags)).build());
    }

    @Override
    public Optional<TargetKeyPair> findKeyPair(String keyName) {
        // A filter, not KeyNames: an unknown name in KeyNames fails the call.
        return ec2.describeKeyPairs(DescribeKeyPairsRequest.builder()
                        .filters(Filter.builder().name("key-name").values(keyName).build())
                        .build())
                .keyPairs().stream()
                .filter(keyPair -> keyName.equals(keyPair.keyName()))
                .findFirst()
                .map(SdkTargetNetwork::keyPair);
    }

    @Override
    public TargetKeyPair importKeyPair(String keyName, String publicKey, Map<String, String> tags) {
        try {
            ImportKeyPairResponse imported = ec2.importKeyPair(ImportKeyPairRequest.builder()
                    .keyName(keyName)
                    .publicKeyMaterial(SdkBytes.fromUtf8String(publicKey))
                    .tagSpecifications(tagSpecifications(ResourceType.KEY_PAIR, tags))
                    .build());
            return new TargetKeyPair(imported.keyName(), imported.keyPairId(), imported.keyFingerprint());
        } catch (Ec2Exception e) {
            if (KEY_PAIR_DUPLICATE.equals(errorCode(e))) {
                LOG.info("Key pair {} appeared while importing it; using the existing one", keyName);
                return findKeyPair(keyName).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private List<SecurityGroup> describeGroups(Filter... filters) {
        List<SecurityGroup> found = new ArrayList<>();
        DescribeSecurityGroupsRequest request = DescribeSecurityGroupsRequest.builder().filters(filters).build();
        while (true) {
            DescribeSecurityGroupsResponse response = ec2.describeSecurityGroups(request);
            response.securityGroups().forEach(group -> found.add(Ec2Shapes.group(group)));
            if (SdkSourceEc2.isLastPage(response.nextToken())) {
                return found;
            }
            request = request.toBuilder().nextToken(response.nextToken()).build();
        }
    }

    /**
     * Sends all rules in one call; when EC2 refuses the call because one rule is already in the
     * wanted state (a retry after a crash), sends them one at a time and skips those.
     */
    private static void apply(List<SecurityGroupRule> rules, String alreadyDoneCode, Consumer<List<IpPermission>> call) {
        if (rules.isEmpty()) {
            return;
        }
        try {
            call.accept(Ec2Shapes.permissions(rules));
        } catch (Ec2Exception e) {
            if (!alreadyDoneCode.equals(errorCode(e))) {
                throw e;
            }
            if (rules.size() > 1) {
                rules.forEach(rule -> applyOne(rule, alreadyDoneCode, call));
            }
        }
    }

    private static void applyOne(SecurityGroupRule rule, String alreadyDoneCode, Consumer<List<IpPermission>> call) {
        try {
            call.accept(List.of(Ec2Shapes.permission(rule)));
        } catch (Ec2Exception e) {
            if (!alreadyDoneCode.equals(errorCode(e))) {
                throw e;
            }
        }
    }

    /** The tags of a new resource; none when there are none, since EC2 refuses an empty specification. */
    private static List<TagSpecification> tagSpecifications(ResourceType type, Map<String, String> tags) {
        return tags.isEmpty()
                ? List.of()
                : List.of(TagSpecification.builder().resourceType(type).tags(Ec2Shapes.tags(tags)).build());
    }

    private static TargetKeyPair keyPair(KeyPairInfo keyPair) {
        return new TargetKeyPair(keyPair.keyName(), keyPair.keyPairId(), keyPair.keyFingerprint());
    }

    static String errorCode(Ec2Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
