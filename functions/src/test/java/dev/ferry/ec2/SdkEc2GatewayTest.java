package dev.ferry.ec2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The exact EC2 requests {@link SdkEc2Gateway} sends and how it reads the answers. */
@ExtendWith(MockitoExtension.class)
class SdkEc2GatewayTest {

    @Mock
    Ec2Client ec2;

    @Test
    void aNewLaunchTemplateVersionStartsFromTheDefaultVersionWithTheIdempotencyTokenAndReturnsItsNumber() {
        when(ec2.createLaunchTemplateVersion(any(CreateLaunchTemplateVersionRequest.class))).thenReturn(versionNumber(7));

        long version = new SdkEc2Gateway(ec2).createLaunchTemplateVersion("lt-0abc",
                new LaunchTemplateChange("t3.small", null, null, "ferry-key", null, null), "wave-1#s-1#launch");

        assertThat(version).isEqualTo(7);
        CreateLaunchTemplateVersionRequest sent = sentVersionRequest();
        assertThat(sent.launchTemplateId()).isEqualTo("lt-0abc");
        assertThat(sent.sourceVersion()).isEqualTo("$Default");
        assertThat(sent.clientToken()).isEqualTo("wave-1#s-1#launch");
        assertThat(sent.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(sent.launchTemplateData().keyName()).isEqualTo("ferry-key");
    }

    @Test
    void fieldsTheChangeLeavesUnsetAreNotSentSoTheyAreCopiedFromTheSourceVersion() {
        when(ec2.createLaunchTemplateVersion(any(CreateLaunchTemplateVersionRequest.class))).thenReturn(versionNumber(2));

        new SdkEc2Gateway(ec2).createLaunchTemplateVersion("lt-0abc",
                new LaunchTemplateChange("t3.small", null, null, null, null, Map.of()), "token");

        RequestLaunchTemplateData data = sentVersionRequest().launchTemplateData();
        assertThat(data.keyName()).isNull();
        assertThat(data.hasNetworkInterfaces()).isFalse();
        assertThat(data.hasTagSpecifications()).isFalse();
    }

    @Test
    void subnetGroupsAndPublicIpGoOnOnePrimaryNetworkInterface() {
        when(ec2.createLaunchTemplateVersion(any(CreateLaunchTemplateVersionRequest.class))).thenReturn(versionNumber(3));

        new SdkEc2Gateway(ec2).createLaunchTemplateVersion("lt-0abc",
                new LaunchTemplateChange(null, "subnet-0abc", List.of("sg-1", "sg-2"), null, true, null), "token");

        RequestLaunchTemplateData data = sentVersionRequest().launchTemplateData();
        assertThat(data.networkInterfaces()).containsExactly(
                LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder()
                        .deviceIndex(0)
                        .subnetId("subnet-0abc")
                        .groups("sg-1", "sg-2")
                        .associatePublicIpAddress(true)
                        .build());
    }

    @Test
    void instanceTagsAreSentSortedByKeySoThatARetrySendsTheSameRequest() {
        when(ec2.createLaunchTemplateVersion(any(CreateLaunchTemplateVersionRequest.class))).thenReturn(versionNumber(4));

        new SdkEc2Gateway(ec2).createLaunchTemplateVersion("lt-0abc",
                new LaunchTemplateChange(null, null, null, null, null, Map.of("wave", "w-1", "app", "media")), "token");

        RequestLaunchTemplateData data = sentVersionRequest().launchTemplateData();
        assertThat(data.tagSpecifications()).singleElement().satisfies(spec -> {
            assertThat(spec.resourceTypeAsString()).isEqualTo("instance");
            assertThat(spec.tags()).containsExactly(
                    Tag.builder().key("app").value("media").build(),
                    Tag.builder().key("wave").value("w-1").build());
        });
    }

    @Test
    void theDefaultVersionIsSetWithModifyLaunchTemplate() {
        new SdkEc2Gateway(ec2).setDefaultLaunchTemplateVersion("lt-0abc", 7);

        ArgumentCaptor<ModifyLaunchTemplateRequest> request = ArgumentCaptor.forClass(ModifyLaunchTemplateRequest.class);
        verify(ec2).modifyLaunchTemplate(request.capture());
        assertThat(request.getValue().launchTemplateId()).isEqualTo("lt-0abc");
        assertThat(request.getValue().defaultVersion()).isEqualTo("7");
    }

    @Test
    void instanceHealthCombinesStateAndAddressesWithBothStatusChecks() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances(
                instance("i-1", InstanceStateName.RUNNING, "3.120.1.1", "10.0.1.5")));
        when(ec2.describeInstanceStatus(any(DescribeInstanceStatusRequest.class))).thenReturn(
                DescribeInstanceStatusResponse.builder().instanceStatuses(status("i-1", SummaryStatus.OK, SummaryStatus.IMPAIRED)).build());

        Map<String, InstanceHealth> health = new SdkEc2Gateway(ec2).describeInstances(List.of("i-1"));

        assertThat(health).containsExactly(Map.entry("i-1",
                new InstanceHealth("i-1", "running", "ok", "impaired", "3.120.1.1", "10.0.1.5")));
    }

    @Test
    void instancesAreFoundByFilterAndStatusesAskedForTheFoundOnesIncludingStoppedOnes() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances(
                instance("i-1", InstanceStateName.STOPPED, null, "10.0.1.5")));
        when(ec2.describeInstanceStatus(any(DescribeInstanceStatusRequest.class)))
                .thenReturn(DescribeInstanceStatusResponse.builder().build());

        Map<String, InstanceHealth> health = new SdkEc2Gateway(ec2).describeInstances(List.of("i-1", "i-unknown"));

        assertThat(health).containsOnlyKeys("i-1");
        assertThat(health.get("i-1").systemStatus()).isNull();
        ArgumentCaptor<DescribeInstancesRequest> describe = ArgumentCaptor.forClass(DescribeInstancesRequest.class);
        verify(ec2).describeInstances(describe.capture());
        assertThat(describe.getValue().hasInstanceIds()).isFalse();
        assertThat(describe.getValue().filters()).singleElement().satisfies(filter -> {
            assertThat(filter.name()).isEqualTo("instance-id");
            assertThat(filter.values()).containsExactly("i-1", "i-unknown");
        });
        ArgumentCaptor<DescribeInstanceStatusRequest> status = ArgumentCaptor.forClass(DescribeInstanceStatusRequest.class);
        verify(ec2).describeInstanceStatus(status.capture());
        assertThat(status.getValue().instanceIds()).containsExactly("i-1");
        assertThat(status.getValue().includeAllInstances()).isTrue();
    }

    @Test
    void noInstanceFoundMeansNoStatusCall() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances());

        assertThat(new SdkEc2Gateway(ec2).describeInstances(List.of("i-gone"))).isEmpty();

        verify(ec2, never()).describeInstanceStatus(any(DescribeInstanceStatusRequest.class));
    }

    @Test
    void instancesAreReadAHundredAtATime() {
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "i-" + i).toList();
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances());

        new SdkEc2Gateway(ec2).describeInstances(ids);

        ArgumentCaptor<DescribeInstancesRequest> requests = ArgumentCaptor.forClass(DescribeInstancesRequest.class);
        verify(ec2, times(3)).describeInstances(requests.capture());
        assertThat(requests.getAllValues()).extracting(request -> request.filters().getFirst().values())
                .containsExactly(ids.subList(0, 100), ids.subList(100, 200), ids.subList(200, 250));
    }

    @Test
    void everyPageOfInstancesAndStatusesIsRead() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class)))
                .thenReturn(instances(instance("i-1", InstanceStateName.RUNNING, null, "10.0.1.1")).toBuilder()
                        .nextToken("instances-2").build())
                .thenReturn(instances(instance("i-2", InstanceStateName.RUNNING, null, "10.0.1.2")));
        when(ec2.describeInstanceStatus(any(DescribeInstanceStatusRequest.class)))
                .thenReturn(DescribeInstanceStatusResponse.builder()
                        .instanceStatuses(status("i-1", SummaryStatus.OK, SummaryStatus.OK)).nextToken("statuses-2").build())
                .thenReturn(DescribeInstanceStatusResponse.builder()
                        .instanceStatuses(status("i-2", SummaryStatus.INITIALIZING, SummaryStatus.OK)).build());

        Map<String, InstanceHealth> health = new SdkEc2Gateway(ec2).describeInstances(List.of("i-1", "i-2"));

        assertThat(health.get("i-1").statusChecksPassed()).isTrue();
        assertThat(health.get("i-2").systemStatus()).isEqualTo("initializing");
        ArgumentCaptor<DescribeInstancesRequest> describe = ArgumentCaptor.forClass(DescribeInstancesRequest.class);
        verify(ec2, times(2)).describeInstances(describe.capture());
        assertThat(describe.getAllValues()).extracting(DescribeInstancesRequest::nextToken).containsExactly(null, "instances-2");
        ArgumentCaptor<DescribeInstanceStatusRequest> status = ArgumentCaptor.forClass(DescribeInstanceStatusRequest.class);
        verify(ec2, times(2)).describeInstanceStatus(status.capture());
        assertThat(status.getAllValues()).extracting(DescribeInstanceStatusRequest::nextToken).containsExactly(null, "statuses-2");
    }

    @Test
    void anInstanceTheStatusCallDoesNotKnowYetHasUnknownStatusChecks() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances(
                instance("i-1", InstanceStateName.PENDING, null, "10.0.1.5")));
        when(ec2.describeInstanceStatus(any(DescribeInstanceStatusRequest.class))).thenThrow(notFound());

        Map<String, InstanceHealth> health = new SdkEc2Gateway(ec2).describeInstances(List.of("i-1"));

        assertThat(health.get("i-1")).isEqualTo(new InstanceHealth("i-1", "pending", null, null, null, "10.0.1.5"));
    }

    @Test
    void otherStatusErrorsPropagate() {
        when(ec2.describeInstances(any(DescribeInstancesRequest.class))).thenReturn(instances(
                instance("i-1", InstanceStateName.RUNNING, null, "10.0.1.5")));
        Ec2Exception denied = (Ec2Exception) Ec2Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnauthorizedOperation").build()).build();
        when(ec2.describeInstanceStatus(any(DescribeInstanceStatusRequest.class))).thenThrow(denied);

        assertThatThrownBy(() -> new SdkEc2Gateway(ec2).describeInstances(List.of("i-1"))).isSameAs(denied);
    }

    private CreateLaunchTemplateVersionRequest sentVersionRequest() {
        ArgumentCaptor<CreateLaunchTemplateVersionRequest> request =
                ArgumentCaptor.forClass(CreateLaunchTemplateVersionRequest.class);
        verify(ec2).createLaunchTemplateVersion(request.capture());
        return request.getValue();
    }

    private static CreateLaunchTemplateVersionResponse versionNumber(long number) {
        return CreateLaunchTemplateVersionResponse.builder()
                .launchTemplateVersion(LaunchTemplateVersion.builder().versionNumber(number).build())
                .build();
    }

    private static DescribeInstancesResponse instances(Instance... instances) {
        return DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().instances(instances).build())
                .build();
    }

    private static Instance instance(String id, InstanceStateName state, String publicIp, String privateIp) {
        return Instance.builder()
                .instanceId(id)
                .state(s -> s.name(state))
                .publicIpAddress(publicIp)
                .privateIpAddress(privateIp)
                .build();
    }

    private static InstanceStatus status(String id, SummaryStatus system, SummaryStatus instance) {
        return InstanceStatus.builder()
                .instanceId(id)
                .systemStatus(s -> s.status(system))
                .instanceStatus(s -> s.status(instance))
                .build();
    }

    private static Ec2Exception notFound() {
        return (Ec2Exception) Ec2Exception.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidInstanceID.NotFound")
                        .errorMessage("The instance ID 'i-1' does not exist").build())
                .build();
    }
}
