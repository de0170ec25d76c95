package dev.ferry.mgn;

import dev.ferry.wave.ReplicationSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateRequest;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateRequest;
import software.amazon.awssdk.services.mgn.model.DataReplicationError;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DescribeJobsRequest;
import software.amazon.awssdk.services.mgn.model.DescribeJobsResponse;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesRequest;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesResponse;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersRequest;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.FinalizeCutoverRequest;
import software.amazon.awssdk.services.mgn.model.GetLaunchConfigurationRequest;
import software.amazon.awssdk.services.mgn.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.mgn.model.IdentificationHints;
import software.amazon.awssdk.services.mgn.model.LaunchedInstance;
import software.amazon.awssdk.services.mgn.model.LifeCycle;
import software.amazon.awssdk.services.mgn.model.MarkAsArchivedRequest;
import software.amazon.awssdk.services.mgn.model.ParticipatingServer;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.RetryDataReplicationRequest;
import software.amazon.awssdk.services.mgn.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.mgn.model.SourceProperties;
import software.amazon.awssdk.services.mgn.model.StartCutoverRequest;
import software.amazon.awssdk.services.mgn.model.StartCutoverResponse;
import software.amazon.awssdk.services.mgn.model.StartTestRequest;
import software.amazon.awssdk.services.mgn.model.StartTestResponse;
import software.amazon.awssdk.services.mgn.model.TerminateTargetInstancesRequest;
import software.amazon.awssdk.services.mgn.model.TerminateTargetInstancesResponse;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.mgn.model.UpdateLaunchConfigurationRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The exact MGN requests {@link SdkMgnGateway} sends and how it maps the answers. */
@ExtendWith(MockitoExtension.class)
class SdkMgnGatewayTest {

    @Mock
    MgnClient mgn;

    RecordingSleeper sleeper;
    SdkMgnGateway gateway;

    @BeforeEach
    void setUp() {
        sleeper = new RecordingSleeper();
        gateway = new SdkMgnGateway(mgn, sleeper);
    }

    @Nested
    class Initialisation {

        @Test
        void anAccountMgnCallsUninitializedIsNotInitialized() {
            when(mgn.describeReplicationConfigurationTemplates(any(DescribeReplicationConfigurationTemplatesRequest.class)))
                    .thenThrow(UninitializedAccountException.builder().statusCode(400).message("not initialized").build());

            assertThat(gateway.isInitialized()).isFalse();
        }

        @Test
        void anAccountThatAnswersAReadIsInitializedAndTheReadAsksForOneItem() {
            when(mgn.describeReplicationConfigurationTemplates(any(DescribeReplicationConfigurationTemplatesRequest.class)))
                    .thenReturn(DescribeReplicationConfigurationTemplatesResponse.builder().build());

            assertThat(gateway.isInitialized()).isTrue();

            ArgumentCaptor<DescribeReplicationConfigurationTemplatesRequest> request =
                    ArgumentCaptor.forClass(DescribeReplicationConfigurationTemplatesRequest.class);
            verify(mgn).describeReplicationConfigurationTemplates(request.capture());
            assertThat(request.getValue().maxResults()).isEqualTo(1);
        }

        @Test
        void aRegionWithAReplicationTemplateHasOne() {
            when(mgn.describeReplicationConfigurationTemplates(any(DescribeReplicationConfigurationTemplatesRequest.class)))
                    .thenReturn(DescribeReplicationConfigurationTemplatesResponse.builder()
                            .items(ReplicationConfigurationTemplate.builder().replicationConfigurationTemplateID("rct-1").build())
                            .build());

            assertThat(gateway.hasReplicationTemplate()).isTrue();
        }

        @Test
        void aRegionWithoutReplicationTemplatesHasNone() {
            when(mgn.describeReplicationConfigurationTemplates(any(DescribeReplicationConfigurationTemplatesRequest.class)))
                    .thenReturn(DescribeReplicationConfigurationTemplatesResponse.builder().items(List.of()).build());

            assertThat(gateway.hasReplicationTemplate()).isFalse();
        }

        @Test
        void aReplicationTemplateIsCreatedWithTheWalkthroughDefaultsAndEveryRequiredField() {
            gateway.createReplicationTemplate(new ReplicationSettings(
                    "subnet-0abc", null, null, null, null, null, Map.of("project", "ferry")));

            ArgumentCaptor<CreateReplicationConfigurationTemplateRequest> request =
                    ArgumentCaptor.forClass(CreateReplicationConfigurationTemplateRequest.class);
            verify(mgn).createReplicationConfigurationTemplate(request.capture());
            CreateReplicationConfigurationTemplateRequest sent = request.getValue();
            assertThat(sent.stagingAreaSubnetId()).isEqualTo("subnet-0abc");
            assertThat(sent.associateDefaultSecurityGroup()).isTrue();
            assertThat(sent.hasReplicationServersSecurityGroupsIDs()).isTrue();
            assertThat(sent.replicationServersSecurityGroupsIDs()).isEmpty();
            assertThat(sent.replicationServerInstanceType()).isEqualTo("t3.small");
            assertThat(sent.useDedicatedReplicationServer()).isFalse();
            assertThat(sent.defaultLargeStagingDiskTypeAsString()).isEqualTo("GP3");
            assertThat(sent.ebsEncryptionAsString()).isEqualTo("DEFAULT");
            assertThat(sent.bandwidthThrottling()).isZero();
            assertThat(sent.dataPlaneRoutingAsString()).isEqualTo("PRIVATE_IP");
            assertThat(sent.createPublicIP()).isFalse();
            assertThat(sent.stagingAreaTags()).containsExactly(Map.entry("project", "ferry"));
        }

        @Test
        void aReplicationTemplateWithoutAStagingSubnetIsRefusedBeforeCallingMgn() {
            ReplicationSettings noSubnet = new ReplicationSettings(null, null, null, null, null, null, null);

            assertThatThrownBy(() -> gateway.createReplicationTemplate(noSubnet))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stagingAreaSubnetId");
            verifyNoInteractions(mgn);
        }
    }

    @Nested
    class SourceServers {

        @Test
        void serversAreReadTwoHundredIdsAtATime() {
            List<String> ids = IntStream.range(0, 450).mapToObj(i -> String.format("s-%017d", i)).toList();
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(List.of()).build());

            gateway.describeSourceServers(ids);

            ArgumentCaptor<DescribeSourceServersRequest> requests = ArgumentCaptor.forClass(DescribeSourceServersRequest.class);
            verify(mgn, times(3)).describeSourceServers(requests.capture());
            assertThat(requests.getAllValues()).extracting(request -> request.filters().sourceServerIDs())
                    .containsExactly(ids.subList(0, 200), ids.subList(200, 400), ids.subList(400, 450));
        }

        @Test
        void repeatedIdsAreAskedForOnce() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(List.of()).build());

            gateway.describeSourceServers(List.of("s-1", "s-2", "s-1"));

            ArgumentCaptor<DescribeSourceServersRequest> request = ArgumentCaptor.forClass(DescribeSourceServersRequest.class);
            verify(mgn).describeSourceServers(request.capture());
            assertThat(request.getValue().filters().sourceServerIDs()).containsExactly("s-1", "s-2");
        }

        @Test
        void noIdsMeansNoCallBecauseAnEmptyFilterWouldListEveryServer() {
            assertThat(gateway.describeSourceServers(List.of())).isEmpty();

            verifyNoInteractions(mgn);
        }

        @Test
        void everyPageIsReadByPassingBackTheNextTokenWithTheSameFilter() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(server("s-1")).nextToken("page-2").build())
                    .thenReturn(DescribeSourceServersResponse.builder().items(server("s-2")).build());

            List<SourceServer> servers = gateway.describeSourceServers(List.of("s-1", "s-2"));

            assertThat(servers).extracting(SourceServer::id).containsExactly("s-1", "s-2");
            ArgumentCaptor<DescribeSourceServersRequest> requests = ArgumentCaptor.forClass(DescribeSourceServersRequest.class);
            verify(mgn, times(2)).describeSourceServers(requests.capture());
            assertThat(requests.getAllValues()).extracting(DescribeSourceServersRequest::nextToken)
                    .containsExactly(null, "page-2");
            assertThat(requests.getAllValues().get(1).filters().sourceServerIDs()).containsExactly("s-1", "s-2");
        }

        @Test
        void aServerIsMappedWithItsLagParsedFromIso8601() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(
                            software.amazon.awssdk.services.mgn.model.SourceServer.builder()
                                    .sourceServerID("s-13a5b49c3810fa449")
                                    .arn("arn:aws:mgn:eu-central-1:111122223333:source-server/s-13a5b49c3810fa449")
                                    .isArchived(false)
                                    .lifeCycle(LifeCycle.builder().state("READY_FOR_TEST").build())
                                    .sourceProperties(SourceProperties.builder()
                                            .identificationHints(IdentificationHints.builder()
                                                    .hostname("media-1").awsInstanceID("i-0123456789abcdef0").build())
                                            .build())
                                    .dataReplicationInfo(DataReplicationInfo.builder()
                                            .dataReplicationState("STALLED")
                                            .dataReplicationError(DataReplicationError.builder().error("UNSTABLE_NETWORK").build())
                                            .lagDuration("PT1M30S")
                                            .build())
                                    .launchedInstance(LaunchedInstance.builder().ec2InstanceID("i-0fedcba9876543210").build())
                                    .build())
                            .build());

            SourceServer server = gateway.describeSourceServers(List.of("s-13a5b49c3810fa449")).getFirst();

            assertThat(server).isEqualTo(new SourceServer(
                    "s-13a5b49c3810fa449",
                    "arn:aws:mgn:eu-central-1:111122223333:source-server/s-13a5b49c3810fa449",
                    "media-1",
                    "i-0123456789abcdef0",
                    LifecycleState.READY_FOR_TEST,
                    "STALLED",
                    "UNSTABLE_NETWORK",
                    Duration.ofSeconds(90),
                    false,
                    "i-0fedcba9876543210"));
        }

        @Test
        void aServerStillInInitialSyncHasNoLagAndIsNotLaunchable() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(
                            software.amazon.awssdk.services.mgn.model.SourceServer.builder()
                                    .sourceServerID("s-1")
                                    .lifeCycle(LifeCycle.builder().state("NOT_READY").build())
                                    .dataReplicationInfo(DataReplicationInfo.builder().dataReplicationState("INITIAL_SYNC").build())
                                    .build())
                            .build());

            SourceServer server = gateway.describeSourceServers(List.of("s-1")).getFirst();

            assertThat(server.lag()).isNull();
            assertThat(server.isLaunchable()).isFalse();
            assertThat(server.replicationError()).isNull();
            assertThat(server.hostname()).isNull();
        }

        @Test
        void aLifecycleStateNewerThanThisCodeIsUnknown() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(
                            software.amazon.awssdk.services.mgn.model.SourceServer.builder()
                                    .sourceServerID("s-1")
                                    .lifeCycle(LifeCycle.builder().state("SOMETHING_NEW").build())
                                    .build())
                            .build());

            assertThat(gateway.describeSourceServers(List.of("s-1")).getFirst().lifecycle())
                    .isEqualTo(LifecycleState.UNKNOWN);
        }

        @Test
        void listingAsksForNonArchivedServersAThousandPerPageUntilTheLastPage() {
            when(mgn.describeSourceServers(any(DescribeSourceServersRequest.class)))
                    .thenReturn(DescribeSourceServersResponse.builder().items(server("s-1")).nextToken("next").build())
                    .thenReturn(DescribeSourceServersResponse.builder().items(server("s-2")).nextToken("").build());

            List<SourceServer> servers = gateway.listSourceServers();

            assertThat(servers).extracting(SourceServer::id).containsExactly("s-1", "s-2");
            ArgumentCaptor<DescribeSourceServersRequest> requests = ArgumentCaptor.forClass(DescribeSourceServersRequest.class);
            verify(mgn, times(2)).describeSourceServers(requests.capture());
            assertThat(requests.getAllValues()).allSatisfy(request -> {
                assertThat(request.filters().isArchived()).isFalse();
                assertThat(request.filters().hasSourceServerIDs()).isFalse();
                assertThat(request.maxResults()).isEqualTo(1000);
            });
            assertThat(requests.getAllValues().get(1).nextToken()).isEqualTo("next");
        }

        private static software.amazon.awssdk.services.mgn.model.SourceServer server(String id) {
            return software.amazon.awssdk.services.mgn.model.SourceServer.builder().sourceServerID(id).build();
        }
    }

    @Nested
    class LaunchConfiguration {

        @Test
        void theLaunchTemplateIsTheOneNamedInTheServersLaunchConfiguration() {
            when(mgn.getLaunchConfiguration(any(GetLaunchConfigurationRequest.class)))
                    .thenReturn(GetLaunchConfigurationResponse.builder().ec2LaunchTemplateID("lt-0abc").build());

            assertThat(gateway.launchTemplateId("s-1")).isEqualTo("lt-0abc");

            ArgumentCaptor<GetLaunchConfigurationRequest> request = ArgumentCaptor.forClass(GetLaunchConfigurationRequest.class);
            verify(mgn).getLaunchConfiguration(request.capture());
            assertThat(request.getValue().sourceServerID()).isEqualTo("s-1");
        }

        @Test
        void anUpdateSendsTheSetFieldsAndLeavesTheOthersOut() {
            gateway.updateLaunchConfiguration("s-1", new LaunchConfigurationChange("NONE", null, true, "STARTED"));

            ArgumentCaptor<UpdateLaunchConfigurationRequest> request = ArgumentCaptor.forClass(UpdateLaunchConfigurationRequest.class);
            verify(mgn).updateLaunchConfiguration(request.capture());
            UpdateLaunchConfigurationRequest sent = request.getValue();
            assertThat(sent.sourceServerID()).isEqualTo("s-1");
            assertThat(sent.targetInstanceTypeRightSizingMethodAsString()).isEqualTo("NONE");
            assertThat(sent.copyPrivateIp()).isNull();
            assertThat(sent.copyTags()).isTrue();
            assertThat(sent.launchDispositionAsString()).isEqualTo("STARTED");
        }
    }

    @Nested
    class Launches {

        @Test
        void aTestLaunchSendsTheServersAndMapsTheJob() {
            when(mgn.startTest(any(StartTestRequest.class))).thenReturn(StartTestResponse.builder().job(
                    software.amazon.awssdk.services.mgn.model.Job.builder()
                            .jobID("mgnjob-10cba81b2d2b1167a")
                            .type("LAUNCH")
                            .initiatedBy("START_TEST")
                            .status("PENDING")
                            .creationDateTime("2026-03-02T10:15:00Z")
                            .participatingServers(
                                    ParticipatingServer.builder().sourceServerID("s-1").launchStatus("PENDING").build(),
                                    ParticipatingServer.builder().sourceServerID("s-2").launchStatus("LAUNCHED")
                                            .launchedEc2InstanceID("i-2").build())
                            .build()).build());

            Job job = gateway.startTest(List.of("s-1", "s-2"));

            assertThat(job).isEqualTo(new Job("mgnjob-10cba81b2d2b1167a", "LAUNCH", "START_TEST", "PENDING",
                    Instant.parse("2026-03-02T10:15:00Z"), List.of(
                    new Job.Participant("s-1", "PENDING", null),
                    new Job.Participant("s-2", "LAUNCHED", "i-2"))));
            ArgumentCaptor<StartTestRequest> request = ArgumentCaptor.forClass(StartTestRequest.class);
            verify(mgn).startTest(request.capture());
            assertThat(request.getValue().sourceServerIDs()).containsExactly("s-1", "s-2");
        }

        @Test
        void aCutoverLaunchSendsTheServers() {
            when(mgn.startCutover(any(StartCutoverRequest.class))).thenReturn(StartCutoverResponse.builder()
                    .job(job("mgnjob-2")).build());

            assertThat(gateway.startCutover(List.of("s-1")).id()).isEqualTo("mgnjob-2");

            ArgumentCaptor<StartCutoverRequest> request = ArgumentCaptor.forClass(StartCutoverRequest.class);
            verify(mgn).startCutover(request.capture());
            assertThat(request.getValue().sourceServerIDs()).containsExactly("s-1");
        }

        @Test
        void terminatingTargetInstancesSendsTheServers() {
            when(mgn.terminateTargetInstances(any(TerminateTargetInstancesRequest.class)))
                    .thenReturn(TerminateTargetInstancesResponse.builder().job(job("mgnjob-3")).build());

            assertThat(gateway.terminateTargetInstances(List.of("s-1", "s-2")).id()).isEqualTo("mgnjob-3");

            ArgumentCaptor<TerminateTargetInstancesRequest> request =
                    ArgumentCaptor.forClass(TerminateTargetInstancesRequest.class);
            verify(mgn).terminateTargetInstances(request.capture());
            assertThat(request.getValue().sourceServerIDs()).containsExactly("s-1", "s-2");
        }

        @Test
        void moreThanAHundredServersInOneLaunchAreRefusedWithoutCallingMgn() {
            List<String> ids = IntStream.range(0, 101).mapToObj(i -> "s-" + i).toList();

            assertThatThrownBy(() -> gateway.startTest(ids)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 100").hasMessageContaining("101");
            assertThatThrownBy(() -> gateway.startCutover(ids)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> gateway.terminateTargetInstances(ids)).isInstanceOf(IllegalArgumentException.class);
            verifyNoInteractions(mgn);
        }

        @Test
        void exactlyAHundredServersAreSentInOneCall() {
            List<String> ids = IntStream.range(0, 100).mapToObj(i -> "s-" + i).toList();
            when(mgn.startTest(any(StartTestRequest.class))).thenReturn(StartTestResponse.builder().job(job("mgnjob-4")).build());

            gateway.startTest(ids);

            ArgumentCaptor<StartTestRequest> request = ArgumentCaptor.forClass(StartTestRequest.class);
            verify(mgn).startTest(request.capture());
            assertThat(request.getValue().sourceServerIDs()).hasSize(100);
        }

        @Test
        void aLaunchWithoutServersIsRefused() {
            assertThatThrownBy(() -> gateway.startTest(List.of())).isInstanceOf(IllegalArgumentException.class);
            verifyNoInteractions(mgn);
        }

        @Test
        void anAccountQuotaRefusalIsThrownAsTheTypedQuotaException() {
            ServiceQuotaExceededException quota = ServiceQuotaExceededException.builder().statusCode(402)
                    .message("Too many servers in active jobs")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceQuotaExceededException")
                            .errorMessage("Too many servers in active jobs").build())
                    .build();
            when(mgn.startCutover(any(StartCutoverRequest.class))).thenThrow(quota);

            assertThatThrownBy(() -> gateway.startCutover(List.of("s-1")))
                    .isInstanceOf(MgnQuotaExceededException.class)
                    .hasMessageContaining("StartCutover")
                    .hasCause(quota);
        }

        @Test
        void aConflictIsThrownAsTheTypedConflictException() {
            ConflictException conflict = ConflictException.builder().statusCode(409)
                    .message("Source server s-1 is already participating in an active job")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConflictException")
                            .errorMessage("Source server s-1 is already participating in an active job").build())
                    .build();
            when(mgn.startTest(any(StartTestRequest.class))).thenThrow(conflict);

            assertThatThrownBy(() -> gateway.startTest(List.of("s-1")))
                    .isInstanceOf(MgnConflictException.class)
                    .hasMessageContaining("StartTest")
                    .hasMessageContaining("already participating")
                    .hasCause(conflict);
        }
    }

    @Nested
    class Jobs {

        @Test
        void jobsAreAskedForByIdAcrossEveryPage() {
            when(mgn.describeJobs(any(DescribeJobsRequest.class)))
                    .thenReturn(DescribeJobsResponse.builder().items(job("mgnjob-1")).nextToken("more").build())
                    .thenReturn(DescribeJobsResponse.builder().items(job("mgnjob-2")).build());

            List<Job> jobs = gateway.describeJobs(List.of("mgnjob-1", "mgnjob-2"));

            assertThat(jobs).extracting(Job::id).containsExactly("mgnjob-1", "mgnjob-2");
            ArgumentCaptor<DescribeJobsRequest> requests = ArgumentCaptor.forClass(DescribeJobsRequest.class);
            verify(mgn, times(2)).describeJobs(requests.capture());
            assertThat(requests.getAllValues()).allSatisfy(request ->
                    assertThat(request.filters().jobIDs()).containsExactly("mgnjob-1", "mgnjob-2"));
            assertThat(requests.getAllValues()).extracting(DescribeJobsRequest::nextToken).containsExactly(null, "more");
        }

        @Test
        void noJobIdsMeansNoCallBecauseAnEmptyFilterWouldListEveryJob() {
            assertThat(gateway.describeJobs(List.of())).isEmpty();

            verifyNoInteractions(mgn);
        }

        @Test
        void jobsSinceAnInstantFilterFromThatSecondInIso8601() {
            when(mgn.describeJobs(any(DescribeJobsRequest.class)))
                    .thenReturn(DescribeJobsResponse.builder().items(job("mgnjob-1")).nextToken("more").build())
                    .thenReturn(DescribeJobsResponse.builder().items(job("mgnjob-2")).build());

            List<Job> jobs = gateway.jobsSince(Instant.parse("2026-03-02T10:15:07.654Z"));

            assertThat(jobs).extracting(Job::id).containsExactly("mgnjob-1", "mgnjob-2");
            ArgumentCaptor<DescribeJobsRequest> requests = ArgumentCaptor.forClass(DescribeJobsRequest.class);
            verify(mgn, times(2)).describeJobs(requests.capture());
            assertThat(requests.getAllValues()).allSatisfy(request -> {
                assertThat(request.filters().fromDate()).isEqualTo("2026-03-02T10:15:07Z");
                assertThat(request.filters().hasJobIDs()).isFalse();
                assertThat(request.maxResults()).isEqualTo(1000);
            });
            assertThat(requests.getAllValues().get(1).nextToken()).isEqualTo("more");
        }
    }

    @Nested
    class ServerActions {

        @Test
        void aLifecycleChangeSendsTheTargetState() {
            gateway.changeLifecycleState("s-1", LifecycleState.READY_FOR_CUTOVER);

            ArgumentCaptor<ChangeServerLifeCycleStateRequest> request =
                    ArgumentCaptor.forClass(ChangeServerLifeCycleStateRequest.class);
            verify(mgn).changeServerLifeCycleState(request.capture());
            assertThat(request.getValue().sourceServerID()).isEqualTo("s-1");
            assertThat(request.getValue().lifeCycle().stateAsString()).isEqualTo("READY_FOR_CUTOVER");
        }

        @Test
        void aLifecycleStateMgnCannotSetIsRefusedWithoutCallingMgn() {
            assertThatThrownBy(() -> gateway.changeLifecycleState("s-1", LifecycleState.TESTING))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TESTING");
            verifyNoInteractions(mgn);
        }

        @Test
        void retryingReplicationNamesTheServer() {
            gateway.retryDataReplication("s-1");

            ArgumentCaptor<RetryDataReplicationRequest> request = ArgumentCaptor.forClass(RetryDataReplicationRequest.class);
            verify(mgn).retryDataReplication(request.capture());
            assertThat(request.getValue().sourceServerID()).isEqualTo("s-1");
        }

        @Test
        void finalizingACutoverNamesTheServer() {
            gateway.finalizeCutover("s-1");

            ArgumentCaptor<FinalizeCutoverRequest> request = ArgumentCaptor.forClass(FinalizeCutoverRequest.class);
            verify(mgn).finalizeCutover(request.capture());
            assertThat(request.getValue().sourceServerID()).isEqualTo("s-1");
        }

        @Test
        void archivingNamesTheServer() {
            gateway.markAsArchived("s-1");

            ArgumentCaptor<MarkAsArchivedRequest> request = ArgumentCaptor.forClass(MarkAsArchivedRequest.class);
            verify(mgn).markAsArchived(request.capture());
            assertThat(request.getValue().sourceServerID()).isEqualTo("s-1");
        }

        @Test
        void archivingAServerInTheWrongStateIsAConflict() {
            when(mgn.markAsArchived(any(MarkAsArchivedRequest.class)))
                    .thenThrow(ConflictException.builder().statusCode(409).message("Cannot archive").build());

            assertThatThrownBy(() -> gateway.markAsArchived("s-1")).isInstanceOf(MgnConflictException.class);
        }
    }

    static software.amazon.awssdk.services.mgn.model.Job job(String id) {
        return software.amazon.awssdk.services.mgn.model.Job.builder()
                .jobID(id).type("LAUNCH").initiatedBy("START_CUTOVER").status("STARTED")
                .creationDateTime("2026-03-02T10:15:00Z")
                .build();
    }
}
