package dev.ferry.mgn;

import dev.ferry.wave.ReplicationSettings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The MGN operations the controller uses, in the target region. Reads are batched and paginated
 * by the implementation; throttling is retried with back-off that honours {@code Retry-After}.
 * A state conflict (HTTP 409) is thrown as {@link MgnConflictException}.
 */
public interface MgnGateway {

    /** Whether MGN has been initialised in the region (other calls fail until it is). */
    boolean isInitialized();

    void initializeService();

    /** Whether the region has at least one replication configuration template. */
    boolean hasReplicationTemplate();

    void createReplicationTemplate(ReplicationSettings settings);

    /** The servers with these IDs (any number; read 200 at a time). Unknown IDs are absent. */
    List<SourceServer> describeSourceServers(Collection<String> sourceServerIds);

    /** Every non-archived source server in the region, for resolving servers by EC2 instance ID. */
    List<SourceServer> listSourceServers();

    /** The server's MGN launch template ({@code ec2LaunchTemplateID} of its launch configuration). */
    String launchTemplateId(String sourceServerId);

    void updateLaunchConfiguration(String sourceServerId, LaunchConfigurationChange change);

    /** Starts a test launch for 1 to 100 servers. */
    Job startTest(List<String> sourceServerIds);

    /** Starts a cutover launch for 1 to 100 servers. */
    Job startCutover(List<String> sourceServerIds);

    /** Terminates the launched test or cutover instances of 1 to 100 servers. */
    Job terminateTargetInstances(List<String> sourceServerIds);

    /** The jobs with these IDs. */
    List<Job> describeJobs(Collection<String> jobIds);

    /** Every job created at or after {@code from} (to find jobs a crashed stage started, and active capacity). */
    List<Job> jobsSince(Instant from);

    void changeLifecycleState(String sourceServerId, LifecycleState target);

    void retryDataReplication(String sourceServerId);

    void finalizeCutover(String sourceServerId);

    void markAsArchived(String sourceServerId);

    /** Every MGN wave of the region that is not archived (MGN filters by ID and archival, not by name). */
    List<MgnWave> activeWaves();

    MgnWave createWave(String name, String description);

    /** Every MGN application of the region that is not archived. */
    List<MgnApplication> activeApplications();

    /** The applications in this MGN wave, archived or not. */
    List<MgnApplication> applicationsInWave(String waveId);

    MgnApplication createApplication(String name, String description);

    /** Puts the application in the wave. */
    void associateApplication(String waveId, String applicationId);

    /** Puts the servers in the application (any number; sent 50 at a time, MGN's limit). */
    void associateSourceServers(String applicationId, Collection<String> sourceServerIds);

    /** The servers in this application, archived or not. */
    List<SourceServer> sourceServersInApplication(String applicationId);

    void archiveApplication(String applicationId);

    void archiveWave(String waveId);
}
