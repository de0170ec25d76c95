package dev.ferry.mgn;

import dev.ferry.wave.ReplicationSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.mgn.MgnClient;

/** Placeholder being replaced by the real adapter. */
public class SdkMgnGateway implements MgnGateway {

    public SdkMgnGateway(MgnClient mgn) {
    }

    @Override
    public boolean isInitialized() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void initializeService() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean hasReplicationTemplate() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void createReplicationTemplate(ReplicationSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<SourceServer> describeSourceServers(Collection<String> sourceServerIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<SourceServer> listSourceServers() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String launchTemplateId(String sourceServerId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void updateLaunchConfiguration(String sourceServerId, LaunchConfigurationChange change) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Job startTest(List<String> sourceServerIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Job startCutover(List<String> sourceServerIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Job terminateTargetInstances(List<String> sourceServerIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<Job> describeJobs(Collection<String> jobIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<Job> jobsSince(Instant from) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void changeLifecycleState(String sourceServerId, LifecycleState target) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void retryDataReplication(String sourceServerId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void finalizeCutover(String sourceServerId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void markAsArchived(String sourceServerId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
