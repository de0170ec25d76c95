package dev.ferry.network;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@link SourceEc2} on an EC2 client of the source region. IDs are given as filters, not as ID
 * lists: an unknown ID in a list fails the whole call, a filter just leaves it out.
 */
public class SdkSourceEc2 implements SourceEc2 {

    /** Values per filter: EC2 accepts up to 200; fewer keeps requests small. */
    static final int FILTER_BATCH = 100;

    private final Ec2Client ec2;

    /** @param ec2 a client of the source region */
    public SdkSourceEc2(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Map<String, SourceInstance> describeInstances(Collection<String> instanceIds) {
        Map<String, SourceInstance> found = new LinkedHashMap<>();
        for (List<String> batch : batches(instanceIds)) {
            DescribeInstancesRequest request = DescribeInstancesRequest.builder()
                    .filters(Filter.builder().name("instance-id").values(batch).build())
                    .build();
            while (true) {
                DescribeInstancesResponse response = ec2.describeInstances(request);
                response.reservations().forEach(reservation -> reservation.instances()
                        .forEach(instance -> found.put(instance.instanceId(), instance(instance))));
                if (isLastPage(response.nextToken())) {
                    break;
                }
                request = request.toBuilder().nextToken(response.nextToken()).build();
            }
        }
        return found;
    }

    @Override
    public List<SecurityGroup> describeSecurityGroups(Collection<String> groupIds) {
        List<SecurityGroup> found = new ArrayList<>();
        for (List<String> batch : batches(groupIds)) {
            DescribeSecurityGroupsRequest request = DescribeSecurityGroupsRequest.builder()
                    .filters(Filter.builder().name("group-id").values(batch).build())
                    .build();
            while (true) {
                DescribeSecurityGroupsResponse response = ec2.describeSecurityGroups(request);
                response.securityGroups().forEach(group -> found.add(Ec2Shapes.group(group)));
                if (isLastPage(response.nextToken())) {
                    break;
                }
                request = request.toBuilder().nextToken(response.nextToken()).build();
            }
        }
        return found;
    }

    private static SourceInstance instance(Instance instance) {
        return new SourceInstance(
                instance.instanceId(),
                instance.instanceTypeAsString(),
                instance.subnetId(),
                instance.placement() == null ? null : instance.placement().availabilityZone(),
                instance.vpcId(),
                instance.securityGroups().stream().map(GroupIdentifier::groupId).toList(),
                instance.iamInstanceProfile() == null ? null : instance.iamInstanceProfile().arn(),
                Platform.fromEc2(instance.platformAsString()),
                instance.keyName(),
                Ec2Shapes.tags(instance.tags()));
    }

    static List<List<String>> batches(Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < distinct.size(); start += FILTER_BATCH) {
            batches.add(distinct.subList(start, Math.min(start + FILTER_BATCH, distinct.size())));
        }
        return batches;
    }

    static boolean isLastPage(String nextToken) {
        return nextToken == null || nextToken.isEmpty();
    }
}
