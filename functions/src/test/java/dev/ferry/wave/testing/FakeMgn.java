package dev.ferry.wave.testing;

import dev.ferry.mgn.Job;
import dev.ferry.mgn.LaunchConfigurationChange;
import dev.ferry.mgn.LifecycleState;
import dev.ferry.mgn.MgnGateway;
import dev.ferry.mgn.SourceServer;
import dev.ferry.wave.ReplicationSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MGN in one region, in memory, for the operations preflight and launch preparation use. It keeps
 * the state those operations change (initialisation, the replication template) so that a retried
 * stage sees what the first attempt did, and it records every request for exact assertions.
 */
public class FakeMgn implements MgnGateway {

    /** One {@code UpdateLaunchConfiguration} request. */
    public record LaunchConfigurationUpdate(String sourceServerId, LaunchConfigurationChange change) {
    }

    private final Map<String, SourceServer> servers = new LinkedHashMap<>();
    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, String> launchTemplates = new HashMap<>();
    private final Map<String, RuntimeException> launchConfigurationFailures = new HashMap<>();
    private boolean initialized = true;
    private boolean hasTemplate = true;

    private int initializeCalls;
    private int listCalls;
    private final List<ReplicationSettings> createdTemplates = new ArrayList<>();
    private final List<List<String>> describeRequests = new ArrayList<>();
    private final List<Instant> jobsSinceRequests = new ArrayList<>();
    private final List<LaunchConfigurationUpdate> launchConfigurationUpdates = new ArrayList<>();

    /** The region has never been initialised, so it has no replication template either. */
    public synchronized FakeMgn uninitialized() {
        initialized = false;
        hasTemplate = false;
        return this;
    }

    public synchronized FakeMgn withoutReplicationTemplate() {
        hasTemplate = false;
        return this;
    }

    public synchronized FakeMgn with(SourceServer... sourceServers) {
        for (SourceServer server : sourceServers) {
            servers.put(server.id(), server);
        }
        return this;
    }

    public synchronized FakeMgn with(Collection<SourceServer> sourceServers) {
        return with(sourceServers.toArray(SourceServer[]::new));
    }

    public synchronized FakeMgn withJob(Job job) {
        jobs.add(job);
        return this;
    }

    /** Gives the server an MGN launch template, as MGN does when the agent registers it. */
    public synchronized FakeMgn withLaunchTemplate(String sourceServerId, String launchTemplateId) {
        launchTemplates.put(sourceServerId, launchTemplateId);
        return this;
    }

    /** Makes {@code UpdateLaunchConfiguration} for this server fail with the given error. */
    public synchronized FakeMgn failingLaunchConfiguration(String sourceServerId, RuntimeException error) {
        launchConfigurationFailures.put(sourceServerId, error);
        return this;
    }

    public synchronized int initializeCalls() {
        return initializeCalls;
    }

    public synchronized int listCalls() {
        return listCalls;
    }

    public synchronized List<ReplicationSettings> createdTemplates() {
        return List.copyOf(createdTemplates);
    }

    public synchronized List<List<String>> describeRequests() {
        return List.copyOf(describeRequests);
    }

    public synchronized List<Instant> jobsSinceRequests() {
        return List.copyOf(jobsSinceRequests);
    }

    public synchronized List<LaunchConfigurationUpdate> launchConfigurationUpdates() {
        return List.copyOf(launchConfigurationUpdates);
    }

    /** Whether any call changed MGN (initialisation, a template, a launch configuration). */
    public synchronized boolean changedAnything() {
        return initializeCalls > 0 || !createdTemplates.isEmpty() || !launchConfigurationUpdates.isEmpty();
    }

    @Override
    public synchronized boolean isInitialized() {
        return initialized;
    }

    @Override
    public synchronized void initializeService() {
        initializeCalls++;
        initialized = true;
    }

    @Override
    public synchronized boolean hasReplicationTemplate() {
        requireInitialized();
        return hasTemplate;
    }

    @Override
    public synchronized void createReplicationTemplate(ReplicationSettings settings) {
        requireInitialized();
        createdTemplates.add(settings);
        hasTemplate = true;
    }

    @Override
    public synchronized List<SourceServer> describeSourceServers(Collection<String> sourceServerIds) {
        requireInitialized();
        describeRequests.add(List.copyOf(sourceServerIds));
        return sourceServerIds.stream().map(servers::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized List<SourceServer> listSourceServers() {
        requireInitialized();
        listCalls++;
        return servers.values().stream().filter(server -> !server.archived()).toList();
    }

    @Override
    public synchronized String launchTemplateId(String sourceServerId) {
        String id = launchTemplates.get(sourceServerId);
        if (id == null) {
            throw new IllegalStateException("source server " + sourceServerId + " has no launch template");
        }
        return id;
    }

    @Override
    public synchronized void updateLaunchConfiguration(String sourceServerId, LaunchConfigurationChange change) {
        launchConfigurationUpdates.add(new LaunchConfigurationUpdate(sourceServerId, change));
        RuntimeException failure = launchConfigurationFailures.get(sourceServerId);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized List<Job> jobsSince(Instant from) {
        requireInitialized();
        jobsSinceRequests.add(from);
        return jobs.stream().filter(job -> !job.createdAt().isBefore(from)).toList();
    }

    @Override
    public synchronized Job startTest(List<String> sourceServerIds) {
        throw notUsed();
    }

    @Override
    public synchronized Job startCutover(List<String> sourceServerIds) {
        throw notUsed();
    }

    @Override
    public synchronized Job terminateTargetInstances(List<String> sourceServerIds) {
        throw notUsed();
    }

    @Override
    public synchronized List<Job> describeJobs(Collection<String> jobIds) {
        throw notUsed();
    }

    @Override
    public synchronized void changeLifecycleState(String sourceServerId, LifecycleState target) {
        throw notUsed();
    }

    @Override
    public synchronized void retryDataReplication(String sourceServerId) {
        throw notUsed();
    }

    @Override
    public synchronized void finalizeCutover(String sourceServerId) {
        throw notUsed();
    }

    @Override
    public synchronized void markAsArchived(String sourceServerId) {
        throw notUsed();
    }

    /** MGN answers UninitializedAccountException until the region is initialised. */
    private void requireInitialized() {
        if (!initialized) {
            throw new IllegalStateException("UninitializedAccountException: MGN is not initialised in this region");
        }
    }

    private static UnsupportedOperationException notUsed() {
        return new UnsupportedOperationException("not an operation of preflight or launch preparation");
    }
}
