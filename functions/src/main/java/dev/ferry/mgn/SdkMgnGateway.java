package dev.ferry.mgn;

import dev.ferry.retry.Sleeper;
import dev.ferry.wave.ReplicationSettings;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ArchiveApplicationRequest;
import software.amazon.awssdk.services.mgn.model.ArchiveWaveRequest;
import software.amazon.awssdk.services.mgn.model.AssociateApplicationsRequest;
import software.amazon.awssdk.services.mgn.model.AssociateSourceServersRequest;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateRequest;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateSourceServerLifecycle;
import software.amazon.awssdk.services.mgn.model.ChangeServerLifeCycleStateSourceServerLifecycleState;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.CreateApplicationRequest;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateRequest;
import software.amazon.awssdk.services.mgn.model.CreateWaveRequest;
import software.amazon.awssdk.services.mgn.model.DescribeJobsRequest;
import software.amazon.awssdk.services.mgn.model.DescribeJobsRequestFilters;
import software.amazon.awssdk.services.mgn.model.DescribeJobsResponse;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesRequest;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesResponse;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersRequest;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersRequestFilters;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.FinalizeCutoverRequest;
import software.amazon.awssdk.services.mgn.model.GetLaunchConfigurationRequest;
import software.amazon.awssdk.services.mgn.model.InitializeServiceRequest;
import software.amazon.awssdk.services.mgn.model.ListApplicationsRequest;
import software.amazon.awssdk.services.mgn.model.ListApplicationsRequestFilters;
import software.amazon.awssdk.services.mgn.model.ListApplicationsResponse;
import software.amazon.awssdk.services.mgn.model.ListWavesRequest;
import software.amazon.awssdk.services.mgn.model.ListWavesRequestFilters;
import software.amazon.awssdk.services.mgn.model.ListWavesResponse;
import software.amazon.awssdk.services.mgn.model.MarkAsArchivedRequest;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationEbsEncryption;
import software.amazon.awssdk.services.mgn.model.RetryDataReplicationRequest;
import software.amazon.awssdk.services.mgn.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.mgn.model.StartCutoverRequest;
import software.amazon.awssdk.services.mgn.model.StartTestRequest;
import software.amazon.awssdk.services.mgn.model.TerminateTargetInstancesRequest;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.mgn.model.UpdateLaunchConfigurationRequest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link MgnGateway} on the AWS SDK. Every call goes through {@link ThrottlingRetry}; reads are
 * split into MGN's filter limits and follow {@code nextToken} to the last page; a 409
 * {@code ConflictException} becomes {@link MgnConflictException}, {@code ServiceQuotaExceededException}
 * {@link MgnQuotaExceededException}.
 */
public class SdkMgnGateway implements MgnGateway {

    /** MGN's limit on {@code filters.sourceServerIDs}: the most servers one call reads. */
    public static final int SOURCE_SERVER_FILTER_LIMIT = 200;
    /** MGN's limit on {@code filters.jobIDs}. */
    static final int JOB_FILTER_LIMIT = 1000;
    /** MGN's largest page. */
    static final int MAX_RESULTS = 1000;
    /** The MGN user guide's limit of servers per launch or terminate call. */
    static final int MAX_SERVERS_PER_JOB_REQUEST = 100;
    /** MGN's limit on {@code sourceServerIDs} of {@code AssociateSourceServers}. */
    static final int ASSOCIATE_SOURCE_SERVERS_LIMIT = 50;

    private static final Set<LifecycleState> SETTABLE_STATES =
            EnumSet.of(LifecycleState.READY_FOR_TEST, LifecycleState.READY_FOR_CUTOVER, LifecycleState.CUTOVER);

    /** For the creates, which MGN cannot tell apart from a second create when the SDK sends them again. */
    private static final SdkPlugin NO_SDK_RETRY =
            config -> config.overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));

    private final MgnClient mgn;
    private final ThrottlingRetry retry;

    /** Waits for real between throttled attempts. */
    public SdkMgnGateway(MgnClient mgn) {
        this(mgn, Sleeper.threadSleep());
    }

    /** Waits through {@code sleeper} between throttled attempts (a virtual clock, or a recorder in tests). */
    public SdkMgnGateway(MgnClient mgn, Sleeper sleeper) {
        this.mgn = mgn;
        this.retry = new ThrottlingRetry(sleeper);
    }

    @Override
    public boolean isInitialized() {
        try {
            firstReplicationTemplate();
            return true;
        } catch (UninitializedAccountException notInitialized) {
            return false;
        }
    }

    @Override
    public void initializeService() {
        call("InitializeService", () -> mgn.initializeService(InitializeServiceRequest.builder().build()));
    }

    @Override
    public boolean hasReplicationTemplate() {
        return !firstReplicationTemplate().items().isEmpty();
    }

    @Override
    public void createReplicationTemplate(ReplicationSettings settings) {
        ReplicationSettings complete = settings.withDefaults();
        if (complete.stagingAreaSubnetId() == null) {
            throw new IllegalArgumentException(
                    "A replication configuration template needs a staging area subnet (stagingAreaSubnetId)");
        }
        // The walkthrough's template: MGN's default security group, a shared replication server,
        // default EBS encryption. An empty group list is sent on purpose: the field is required.
        CreateReplicationConfigurationTemplateRequest request = CreateReplicationConfigurationTemplateRequest.builder()
                .stagingAreaSubnetId(complete.stagingAreaSubnetId())
                .associateDefaultSecurityGroup(true)
                .replicationServersSecurityGroupsIDs(List.of())
                .replicationServerInstanceType(complete.replicationServerInstanceType())
                .useDedicatedReplicationServer(false)
                .defaultLargeStagingDiskType(complete.stagingDiskType())
                .ebsEncryption(ReplicationConfigurationEbsEncryption.DEFAULT)
                .bandwidthThrottling(complete.bandwidthThrottlingMbps())
                .dataPlaneRouting(complete.dataPlaneRouting())
                .createPublicIP(complete.createPublicIp())
                .stagingAreaTags(complete.stagingAreaTags())
                .build();
        call("CreateReplicationConfigurationTemplate", () -> mgn.createReplicationConfigurationTemplate(request));
    }

    @Override
    public List<SourceServer> describeSourceServers(Collection<String> sourceServerIds) {
        List<SourceServer> servers = new ArrayList<>();
        for (List<String> chunk : chunks(sourceServerIds, SOURCE_SERVER_FILTER_LIMIT)) {
            servers.addAll(sourceServers(DescribeSourceServersRequest.builder()
                    .filters(DescribeSourceServersRequestFilters.builder().sourceServerIDs(chunk).build())
                    .maxResults(MAX_RESULTS)
                    .build()));
        }
        return servers;
    }

    @Override
    public List<SourceServer> listSourceServers() {
        return sourceServers(DescribeSourceServersRequest.builder()
                .filters(DescribeSourceServersRequestFilters.builder().isArchived(false).build())
                .maxResults(MAX_RESULTS)
                .build());
    }

    @Override
    public String launchTemplateId(String sourceServerId) {
        return call("GetLaunchConfiguration",
                () -> mgn.getLaunchConfiguration(
                        GetLaunchConfigurationRequest.builder().sourceServerID(sourceServerId).build()))
                .ec2LaunchTemplateID();
    }

    @Override
    public void updateLaunchConfiguration(String sourceServerId, LaunchConfigurationChange change) {
        call("UpdateLaunchConfiguration", () -> mgn.updateLaunchConfiguration(UpdateLaunchConfigurationRequest.builder()
                .sourceServerID(sourceServerId)
                .targetInstanceTypeRightSizingMethod(change.rightSizing())
                .copyPrivateIp(change.copyPrivateIp())
                .copyTags(change.copyTags())
                .launchDisposition(change.launchDisposition())
                .build()));
    }

    @Override
    public Job startTest(List<String> sourceServerIds) {
        requireJobSize("StartTest", sourceServerIds);
        return MgnMapping.job(call("StartTest",
                () -> mgn.startTest(StartTestRequest.builder().sourceServerIDs(sourceServerIds).build())).job());
    }

    @Override
    public Job startCutover(List<String> sourceServerIds) {
        requireJobSize("StartCutover", sourceServerIds);
        return MgnMapping.job(call("StartCutover",
                () -> mgn.startCutover(StartCutoverRequest.builder().sourceServerIDs(sourceServerIds).build())).job());
    }

    @Override
    public Job terminateTargetInstances(List<String> sourceServerIds) {
        requireJobSize("TerminateTargetInstances", sourceServerIds);
        return MgnMapping.job(call("TerminateTargetInstances",
                () -> mgn.terminateTargetInstances(
                        TerminateTargetInstancesRequest.builder().sourceServerIDs(sourceServerIds).build())).job());
    }

    @Override
    public List<Job> describeJobs(Collection<String> jobIds) {
        List<Job> jobs = new ArrayList<>();
        for (List<String> chunk : chunks(jobIds, JOB_FILTER_LIMIT)) {
            jobs.addAll(jobs(DescribeJobsRequest.builder()
                    .filters(DescribeJobsRequestFilters.builder().jobIDs(chunk).build())
                    .maxResults(MAX_RESULTS)
                    .build()));
        }
        return jobs;
    }

    @Override
    public List<Job> jobsSince(Instant from) {
        // Whole seconds, rounded down: MGN's date pattern allows fractions, but an earlier bound
        // can only add jobs, never lose the one a crashed stage started in the same second.
        String fromDate = from.truncatedTo(ChronoUnit.SECONDS).toString();
        return jobs(DescribeJobsRequest.builder()
                .filters(DescribeJobsRequestFilters.builder().fromDate(fromDate).build())
                .maxResults(MAX_RESULTS)
                .build());
    }

    @Override
    public void changeLifecycleState(String sourceServerId, LifecycleState target) {
        if (!SETTABLE_STATES.contains(target)) {
            throw new IllegalArgumentException("MGN can only set the lifecycle state to " + SETTABLE_STATES
                    + ", not " + target);
        }
        call("ChangeServerLifeCycleState", () -> mgn.changeServerLifeCycleState(ChangeServerLifeCycleStateRequest.builder()
                .sourceServerID(sourceServerId)
                .lifeCycle(ChangeServerLifeCycleStateSourceServerLifecycle.builder()
                        .state(ChangeServerLifeCycleStateSourceServerLifecycleState.fromValue(target.name()))
                        .build())
                .build()));
    }

    @Override
    public void retryDataReplication(String sourceServerId) {
        call("RetryDataReplication",
                () -> mgn.retryDataReplication(RetryDataReplicationRequest.builder().sourceServerID(sourceServerId).build()));
    }

    @Override
    public void finalizeCutover(String sourceServerId) {
        call("FinalizeCutover", () -> mgn.finalizeCutover(FinalizeCutoverRequest.builder().sourceServerID(sourceServerId).build()));
    }

    /**
     * Archives the server. A throttled call is sent again, but its first attempt may have been
     * applied before a later SDK attempt was throttled (the connection dropped, the SDK retried):
     * before sending it again, MGN is asked whether the server is archived already.
     */
    @Override
    public void markAsArchived(String sourceServerId) {
        AtomicBoolean sent = new AtomicBoolean();
        call("MarkAsArchived", () -> {
            if (sent.getAndSet(true) && isArchived(sourceServerId)) {
                return null;
            }
            return mgn.markAsArchived(MarkAsArchivedRequest.builder().sourceServerID(sourceServerId).build());
        });
    }

    @Override
    public List<MgnWave> activeWaves() {
        return pages(ListWavesRequest.builder()
                        .filters(ListWavesRequestFilters.builder().isArchived(false).build())
                        .maxResults(MAX_RESULTS)
                        .build(),
                request -> call("ListWaves", () -> mgn.listWaves(request)),
                ListWavesResponse::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                response -> response.items().stream().map(MgnMapping::wave).toList());
    }

    /**
     * Creates the wave. MGN takes no idempotency token, so the request is sent without the SDK's own
     * retries (a retry of a create whose answer was lost would make a second wave); a failure on the
     * way reaches the caller, whose retry looks for the wave by name first. A throttled call is sent
     * again only when no active wave has that name yet.
     */
    @Override
    public MgnWave createWave(String name, String description) {
        AtomicBoolean sent = new AtomicBoolean();
        return call("CreateWave", () -> {
            if (sent.getAndSet(true)) {
                Optional<MgnWave> made = activeWaves().stream().filter(wave -> wave.name().equals(name)).findFirst();
                if (made.isPresent()) {
                    return made.get();
                }
            }
            return MgnMapping.wave(mgn.createWave(CreateWaveRequest.builder().name(name).description(description)
                    .overrideConfiguration(once -> once.addPlugin(NO_SDK_RETRY)).build()));
        });
    }

    @Override
    public List<MgnApplication> activeApplications() {
        return applications(ListApplicationsRequestFilters.builder().isArchived(false).build());
    }

    @Override
    public List<MgnApplication> applicationsInWave(String waveId) {
        return applications(ListApplicationsRequestFilters.builder().waveIDs(waveId).build());
    }

    /** Creates the application, sent as {@link #createWave} is: once, unless throttled and still missing. */
    @Override
    public MgnApplication createApplication(String name, String description) {
        AtomicBoolean sent = new AtomicBoolean();
        return call("CreateApplication", () -> {
            if (sent.getAndSet(true)) {
                Optional<MgnApplication> made = activeApplications().stream()
                        .filter(application -> application.name().equals(name)).findFirst();
                if (made.isPresent()) {
                    return made.get();
                }
            }
            return MgnMapping.application(mgn.createApplication(CreateApplicationRequest.builder().name(name)
                    .description(description).overrideConfiguration(once -> once.addPlugin(NO_SDK_RETRY)).build()));
        });
    }

    @Override
    public void associateApplication(String waveId, String applicationId) {
        call("AssociateApplications", () -> mgn.associateApplications(
                AssociateApplicationsRequest.builder().waveID(waveId).applicationIDs(applicationId).build()));
    }

    @Override
    public void associateSourceServers(String applicationId, Collection<String> sourceServerIds) {
        for (List<String> chunk : chunks(sourceServerIds, ASSOCIATE_SOURCE_SERVERS_LIMIT)) {
            call("AssociateSourceServers", () -> mgn.associateSourceServers(AssociateSourceServersRequest.builder()
                    .applicationID(applicationId).sourceServerIDs(chunk).build()));
        }
    }

    @Override
    public List<SourceServer> sourceServersInApplication(String applicationId) {
        return sourceServers(DescribeSourceServersRequest.builder()
                .filters(DescribeSourceServersRequestFilters.builder().applicationIDs(applicationId).build())
                .maxResults(MAX_RESULTS)
                .build());
    }

    @Override
    public void archiveApplication(String applicationId) {
        call("ArchiveApplication", () -> mgn.archiveApplication(
                ArchiveApplicationRequest.builder().applicationID(applicationId).build()));
    }

    @Override
    public void archiveWave(String waveId) {
        call("ArchiveWave", () -> mgn.archiveWave(ArchiveWaveRequest.builder().waveID(waveId).build()));
    }

    private List<MgnApplication> applications(ListApplicationsRequestFilters filters) {
        return pages(ListApplicationsRequest.builder().filters(filters).maxResults(MAX_RESULTS).build(),
                request -> call("ListApplications", () -> mgn.listApplications(request)),
                ListApplicationsResponse::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                response -> response.items().stream().map(MgnMapping::application).toList());
    }

    private boolean isArchived(String sourceServerId) {
        return describeSourceServers(List.of(sourceServerId)).stream().anyMatch(SourceServer::archived);
    }

    /** One template at most: the cheapest read that fails while MGN is not initialised. */
    private DescribeReplicationConfigurationTemplatesResponse firstReplicationTemplate() {
        return call("DescribeReplicationConfigurationTemplates", () -> mgn.describeReplicationConfigurationTemplates(
                DescribeReplicationConfigurationTemplatesRequest.builder().maxResults(1).build()));
    }

    private List<SourceServer> sourceServers(DescribeSourceServersRequest first) {
        return pages(first,
                request -> call("DescribeSourceServers", () -> mgn.describeSourceServers(request)),
                DescribeSourceServersResponse::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                response -> response.items().stream().map(MgnMapping::sourceServer).toList());
    }

    private List<Job> jobs(DescribeJobsRequest first) {
        return pages(first,
                request -> call("DescribeJobs", () -> mgn.describeJobs(request)),
                DescribeJobsResponse::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                response -> response.items().stream().map(MgnMapping::job).toList());
    }

    /** Calls page after page until MGN returns no {@code nextToken}, one throttling-aware call each. */
    private static <Q, R, T> List<T> pages(Q first, Function<Q, R> send, Function<R, String> nextToken,
                                           NextPage<Q> nextPage, Function<R, List<T>> items) {
        List<T> all = new ArrayList<>();
        Q request = first;
        while (true) {
            R response = send.apply(request);
            all.addAll(items.apply(response));
            String token = nextToken.apply(response);
            if (token == null || token.isEmpty()) {
                return all;
            }
            request = nextPage.after(request, token);
        }
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return retry.call(operation, call);
        } catch (ConflictException conflict) {
            throw new MgnConflictException("MGN refused " + operation + ": " + conflict.getMessage(), conflict);
        } catch (ServiceQuotaExceededException quota) {
            throw new MgnQuotaExceededException("MGN refused " + operation + ": " + quota.getMessage(), quota);
        }
    }

    private static void requireJobSize(String operation, List<String> sourceServerIds) {
        if (sourceServerIds.isEmpty() || sourceServerIds.size() > MAX_SERVERS_PER_JOB_REQUEST) {
            throw new IllegalArgumentException(operation + " takes 1 to " + MAX_SERVERS_PER_JOB_REQUEST
                    + " source servers per call, not " + sourceServerIds.size());
        }
    }

    /** Distinct IDs in their first order, split into lists of at most {@code size}; none for no IDs. */
    private static List<List<String>> chunks(Collection<String> ids, int size) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < distinct.size(); start += size) {
            chunks.add(distinct.subList(start, Math.min(start + size, distinct.size())));
        }
        return chunks;
    }

    @FunctionalInterface
    private interface NextPage<Q> {
        Q after(Q request, String token);
    }
}
