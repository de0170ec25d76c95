package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.http.LocalCloudServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ferry.local.cloud.http.LocalClients.pointedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated EC2, driven through the real AWS SDK EC2 client over HTTP. */
class Ec2SimulatorTest {

    private static final Instant LAUNCHED = Instant.parse("2026-03-02T10:00:00Z");
    private static final String TEMPLATE = "lt-0123456789abcdef0";

    private final List<SimulatedInstance> instances = new ArrayList<>();
    private Clock clock = Clock.fixed(LAUNCHED.plusSeconds(30), ZoneOffset.UTC);
    private LocalCloudServer server;
    private Ec2Client ec2;

    @BeforeEach
    void start() throws Exception {
        Ec2Simulator simulator = Ec2Simulator.builder(new DelegatingClock(), "111122223333")
                .targetRegion("eu-central-1", RegionResources.NONE, () -> List.copyOf(instances),
                        id -> id.equals(TEMPLATE) ? Optional.of("mgn-s-13a5b49c3810fa449") : Optional.empty())
                .build();
        server = LocalCloudServer.start(0, List.of(simulator));
        ec2 = pointedAt(Ec2Client.builder(), server, Region.EU_CENTRAL_1).build();
        instances.add(new SimulatedInstance("i-0aaaaaaaaaaaaaaa1", "127.0.10.1", "127.0.10.1", "t3.micro", true, LAUNCHED));
        instances.add(new SimulatedInstance("i-0aaaaaaaaaaaaaaa2", "127.0.10.2", "127.0.10.2", "t3.micro", false, LAUNCHED));
    }

    @AfterEach
    void stop() {
        ec2.close();
        server.close();
    }

    @Test
    void describeInstancesReturnsStateAndAddresses() {
        List<Instance> described = ec2.describeInstances(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1")).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();

        assertThat(described).singleElement().satisfies(instance -> {
            assertThat(instance.state().nameAsString()).isEqualTo("running");
            assertThat(instance.privateIpAddress()).isEqualTo("127.0.10.1");
            assertThat(instance.publicIpAddress()).isEqualTo("127.0.10.1");
            assertThat(instance.launchTime()).isEqualTo(LAUNCHED);
        });
    }

    @Test
    void anUnknownInstanceIsRefusedWithEc2sErrorCode() {
        assertThatThrownBy(() -> ec2.describeInstances(r -> r.instanceIds("i-0bbbbbbbbbbbbbbb9")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void statusChecksInitializeForTwoMinutesAfterLaunchThenPass() {
        DescribeInstanceStatusResponse early = ec2.describeInstanceStatus(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1"));
        clock = Clock.fixed(LAUNCHED.plus(Duration.ofMinutes(3)), ZoneOffset.UTC);
        DescribeInstanceStatusResponse later = ec2.describeInstanceStatus(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa1"));

        assertThat(early.instanceStatuses().get(0).systemStatus().status()).isEqualTo(SummaryStatus.INITIALIZING);
        assertThat(later.instanceStatuses().get(0).systemStatus().status()).isEqualTo(SummaryStatus.OK);
        assertThat(later.instanceStatuses().get(0).instanceStatus().status()).isEqualTo(SummaryStatus.OK);
    }

    @Test
    void terminatedInstancesAppearInStatusOnlyWhenAllInstancesAreAskedFor() {
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa2")).instanceStatuses()).isEmpty();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds("i-0aaaaaaaaaaaaaaa2").includeAllInstances(true))
                .instanceStatuses()).singleElement()
                .satisfies(status -> assertThat(status.instanceState().nameAsString()).isEqualTo("terminated"));
    }

    @Test
    void aNewLaunchTemplateVersionCarriesTheLaunchSettingsAndCanBecomeTheDefault() {
        CreateLaunchTemplateVersionResponse created = ec2.createLaunchTemplateVersion(r -> r
                .launchTemplateId(TEMPLATE).sourceVersion("$Default").clientToken("wave-1-s-13a5b49c3810fa449")
                .launchTemplateData(d -> d.instanceType("t3.micro").keyName("media-eu")
                        .networkInterfaces(n -> n.deviceIndex(0).subnetId("subnet-0abc").groups("sg-01", "sg-02")
                                .associatePublicIpAddress(true))
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tag -> tag.key("wave").value("media")))));
        long version = created.launchTemplateVersion().versionNumber();
        ec2.modifyLaunchTemplate(r -> r.launchTemplateId(TEMPLATE).defaultVersion(Long.toString(version)));

        LaunchTemplateVersion stored = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(TEMPLATE)
                .versions("$Default")).launchTemplateVersions().get(0);
        assertThat(version).isEqualTo(2);
        assertThat(stored.versionNumber()).isEqualTo(2);
        assertThat(stored.defaultVersion()).isTrue();
        assertThat(stored.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(stored.launchTemplateData().keyName()).isEqualTo("media-eu");
        assertThat(stored.launchTemplateData().networkInterfaces()).singleElement().satisfies(nic -> {
            assertThat(nic.subnetId()).isEqualTo("subnet-0abc");
            assertThat(nic.groups()).containsExactly("sg-01", "sg-02");
            assertThat(nic.associatePublicIpAddress()).isTrue();
        });
        assertThat(stored.launchTemplateData().tagSpecifications().get(0).tags())
                .extracting(tag -> Map.entry(tag.key(), tag.value())).containsExactly(Map.entry("wave", "media"));
    }

    @Test
    void theSameClientTokenReturnsTheVersionItMadeInsteadOfANewOne() {
        long first = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(TEMPLATE).clientToken("token-1")
                .launchTemplateData(d -> d.instanceType("t3.small"))).launchTemplateVersion().versionNumber();
        long again = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(TEMPLATE).clientToken("token-1")
                .launchTemplateData(d -> d.instanceType("t3.small"))).launchTemplateVersion().versionNumber();

        assertThat(again).isEqualTo(first);
        assertThat(ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(TEMPLATE)).launchTemplateVersions()).hasSize(2);
    }

    @Test
    void aVersionKeepsTheSourceVersionsSettingsItDoesNotName() {
        long typed = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(TEMPLATE)
                .launchTemplateData(d -> d.instanceType("t3.large").keyName("ops"))).launchTemplateVersion().versionNumber();
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(TEMPLATE).sourceVersion(Long.toString(typed))
                .launchTemplateData(d -> d.keyName("media-eu")));

        LaunchTemplateVersion latest = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(TEMPLATE)
                .versions("$Latest")).launchTemplateVersions().get(0);
        assertThat(latest.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.large");
        assertThat(latest.launchTemplateData().keyName()).isEqualTo("media-eu");
    }

    @Test
    void aTemplateMgnDidNotMakeIsNotFound() {
        assertThatThrownBy(() -> ec2.modifyLaunchTemplate(r -> r.launchTemplateId("lt-0fffffffffffffff0").defaultVersion("1")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.NotFound"));
    }

    /** Lets a test move time between calls. */
    private final class DelegatingClock extends Clock {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
