package dev.ferry.ec2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Ec2Gateway} on the AWS SDK. The SDK's default retries cover EC2's throttling
 * ({@code RequestLimitExceeded}) and transient errors.
 */
public class SdkEc2Gateway implements Ec2Gateway {

    /** IDs per describe call: DescribeInstanceStatus takes at most 100 explicit instance IDs. */
    static final int INSTANCE_BATCH = 100;
    static final int MAX_RESULTS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SdkEc2Gateway.class);
    private static final String DEFAULT_VERSION = "$Default";
    private static final String INSTANCE_NOT_FOUND = "InvalidInstanceID.NotFound";

    private final Ec2Client ec2;

    public SdkEc2Gateway(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * {@inheritDoc}
     *
     * <p>When a subnet, security groups or a public IP is set, the new version's network
     * interfaces are exactly one primary interface with those fields: EC2 replaces the source
     * version's interfaces as a whole, so a change should give the subnet and groups together.
     */
    @Override
    public long createLaunchTemplateVersion(String launchTemplateId, LaunchTemplateChange change,
                                            String idempotencyToken) {
        return ec2.createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest.builder()
                        .launchTemplateId(launchTemplateId)
                        .sourceVersion(DEFAULT_VERSION)
                        .clientToken(idempotencyToken)
                        .launchTemplateData(launchTemplateData(change))
                        .build())
                .launchTemplateVersion()
                .versionNumber();
    }

    @Override
    public void setDefaultLaunchTemplateVersion(String launchTemplateId, long version) {
        ec2.modifyLaunchTemplate(ModifyLaunchTemplateRequest.builder()
                .launchTemplateId(launchTemplateId)
                .defaultVersion(Long.toString(version))
                .build());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Instances are found with an {@code instance-id} filter, which leaves unknown IDs out
     * (an explicit ID list fails the whole call for one unknown ID). Status checks are read for
     * the instances found; a status EC2 does not report yet is null.
     */
    @Override
    public Map<String, InstanceHealth> describeInstances(Collection<String> instanceIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(instanceIds));
        Map<String, InstanceHealth> health = new LinkedHashMap<>();
        for (int start = 0; start < distinct.size(); start += INSTANCE_BATCH) {
            List<String> batch = distinct.subList(start, Math.min(start + INSTANCE_BATCH, distinct.size()));
            Map<String, Instance> instances = instances(batch);
            Map<String, InstanceStatus> statuses = statuses(List.copyOf(instances.keySet()));
            for (Instance instance : instances.values()) {
                health.put(instance.instanceId(), health(instance, statuses.get(instance.instanceId())));
            }
        }
        return health;
    }

    private static RequestLaunchTemplateData launchTemplateData(LaunchTemplateChange change) {
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder()
                .instanceType(change.instanceType())
                .keyName(change.keyName());
        boolean groupsSet = change.securityGroupIds() != null && !change.securityGroupIds().isEmpty();
        if (change.subnetId() != null || groupsSet || change.associatePublicIp() != null) {
            LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.Builder primary =
                    LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                            .deviceIndex(0)
                            .subnetId(change.subnetId())
                            .associatePublicIpAddress(change.associatePublicIp());
            if (groupsSet) {
                primary.groups(change.securityGroupIds());
            }
            data.networkInterfaces(primary.build());
        }
        if (change.tags() != null && !change.tags().isEmpty()) {
            // Sorted so that a retry sends the same request: EC2 rejects a reused client token
            // whose parameters differ.
            List<Tag> tags = new TreeMap<>(change.tags()).entrySet().stream()
                    .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                    .toList();
            data.tagSpecifications(LaunchTemplateTagSpecificationRequest.builder()
                    .resourceType(ResourceType.INSTANCE)
                    .tags(tags)
                    .build());
        }
        return data.build();
    }

    private Map<String, Instance> instances(List<String> batch) {
        Map<String, Instance> found = new LinkedHashMap<>();
        DescribeInstancesRequest request = DescribeInstancesRequest.builder()
                .filters(Filter.builder().name("instance-id").values(batch).build())
                .maxResults(MAX_RESULTS)
                .build();
        while (true) {
            DescribeInstancesResponse response = ec2.describeInstances(request);
            response.reservations().forEach(reservation ->
                    reservation.instances().forEach(instance -> found.put(instance.instanceId(), instance)));
            if (isLastPage(response.nextToken())) {
                return found;
            }
            request = request.toBuilder().nextToken(response.nextToken()).build();
        }
    }

    private Map<String, InstanceStatus> statuses(List<String> knownIds) {
        Map<String, InstanceStatus> found = new HashMap<>();
        if (knownIds.isEmpty()) {
            return found;
        }
        DescribeInstanceStatusRequest request = DescribeInstanceStatusRequest.builder()
                .instanceIds(knownIds)
                .includeAllInstances(true)
                .build();
        try {
            while (true) {
                DescribeInstanceStatusResponse response = ec2.describeInstanceStatus(request);
                response.instanceStatuses().forEach(status -> found.put(status.instanceId(), status));
                if (isLastPage(response.nextToken())) {
                    return found;
                }
                request = request.toBuilder().nextToken(response.nextToken()).build();
            }
        } catch (Ec2Exception e) {
            // An instance seen a moment ago can be unknown to another EC2 endpoint (eventual
            // consistency): report no status checks this time rather than fail the stage.
            if (e.awsErrorDetails() != null && INSTANCE_NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
                LOG.warn("EC2 does not know yet some of instances {}; their status checks are unknown", knownIds);
                return Map.of();
            }
            throw e;
        }
    }

    private static InstanceHealth health(Instance instance, InstanceStatus status) {
        return new InstanceHealth(
                instance.instanceId(),
                instance.state() == null ? null : instance.state().nameAsString(),
                status == null ? null : summary(status.systemStatus()),
                status == null ? null : summary(status.instanceStatus()),
                instance.publicIpAddress(),
                instance.privateIpAddress());
    }

    private static String summary(InstanceStatusSummary summary) {
        return summary == null ? null : summary.statusAsString();
    }

    private static boolean isLastPage(String nextToken) {
        return nextToken == null || nextToken.isEmpty();
    }
}
