package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.iam.IamResources;
import dev.ferry.local.cloud.iam.InstanceProfileSpec;
import dev.ferry.local.cloud.iam.RoleSpec;
import dev.ferry.network.Platform;
import dev.ferry.network.SdkSourceEc2;
import dev.ferry.network.SourceInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ferry.local.cloud.ec2.SecurityGroupSimulationTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The source region's instances of the simulated EC2, read by the controller's {@link SdkSourceEc2}. */
class SourceInstanceSimulationTest {

    private static final String VPC = "vpc-0a0000000000000a1";
    private static final String SUBNET = "subnet-0a0000000000000a1";
    private static final String GROUP = "sg-0a000000000000001";
    private static final String MEDIA = "i-0a1b2c3d4e5f60718";
    private static final String WINDOWS = "i-0b2c3d4e5f6071829";
    private static final String PROFILE_ARN = "arn:aws:iam::111122223333:instance-profile/media";

    private final SimulatedAccount account = SimulatedAccount.with(new Ec2Resources(
            new RegionResources(List.of(), List.of(new SecurityGroupSpec(GROUP, "media", "media", VPC, Map.of(),
                    List.of(), List.of(GroupRule.allTrafficToAnywhere()))),
                    List.of(new InstanceSpec(MEDIA, "t2.micro", false, "us-east-1a", SUBNET, VPC, "10.0.1.10",
                                    List.of(GROUP), "media-key", PROFILE_ARN, Map.of("app", "media")),
                            new InstanceSpec(WINDOWS, "t3.medium", true, "us-east-1b", SUBNET, VPC, "10.0.1.11",
                                    List.of(), null, null, Map.of())),
                    List.of()),
            RegionResources.NONE),
            new IamResources(List.of(new RoleSpec("media", List.of())), List.of(new InstanceProfileSpec("media", "media"))));
    private final SdkSourceEc2 source = new SdkSourceEc2(account.sourceEc2());

    @AfterEach
    void close() {
        account.close();
    }

    @Test
    void anInstanceIsDescribedWithEverythingALaunchAndAnAgentInstallNeedAndUnknownIdsAreLeftOut() {
        Map<String, SourceInstance> found = source.describeInstances(List.of(MEDIA, "i-00000000000000000"));

        assertThat(found).containsOnlyKeys(MEDIA);
        assertThat(found.get(MEDIA)).isEqualTo(new SourceInstance(MEDIA, "t2.micro", SUBNET, "us-east-1a", VPC,
                List.of(GROUP), PROFILE_ARN, Platform.LINUX, "media-key", Map.of("app", "media")));
    }

    @Test
    void aWindowsInstanceIsDescribedAsWindowsWithoutAProfile() {
        SourceInstance instance = source.describeInstances(List.of(WINDOWS)).get(WINDOWS);

        assertThat(instance.platform()).isEqualTo(Platform.WINDOWS);
        assertThat(instance.instanceProfileArn()).isNull();
    }

    @Test
    void anInstanceAskedForByAnIdThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> account.sourceEc2().describeInstances(request -> request.instanceIds("i-00000000000000000")))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidInstanceID.NotFound"));
    }

    @Test
    void theSourceInstancesAreNotInTheTargetRegion() {
        assertThat(new SdkSourceEc2(account.targetEc2()).describeInstances(List.of(MEDIA))).isEmpty();
    }

    @Test
    void anUnknownFilterIsRefusedAsEc2Does() {
        assertThatThrownBy(() -> account.sourceEc2().describeInstances(request -> request.filters(filter -> filter
                .name("no-such-filter").values("x"))))
                .satisfies(error -> assertThat(code(error)).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void filtersKeepInstancesMatchingAnyOfTheirValuesWithWildcards() {
        List<String> ids = account.sourceEc2().describeInstances(request -> request.filters(
                        filter -> filter.name("availability-zone").values("us-east-1?"),
                        filter -> filter.name("tag:app").values("med*")))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .map(instance -> instance.instanceId()).toList();

        assertThat(ids).containsExactly(MEDIA);
    }
}
