package dev.ferry.local.mgn.model;

import java.util.Optional;

/** One of a job's {@code participatingServers}. */
public final class JobParticipant {

    private final String sourceServerId;
    private LaunchStatus launchStatus = LaunchStatus.PENDING;
    private String launchedEc2InstanceId;

    JobParticipant(String sourceServerId) {
        this.sourceServerId = sourceServerId;
    }

    public String sourceServerId() {
        return sourceServerId;
    }

    public LaunchStatus launchStatus() {
        return launchStatus;
    }

    public Optional<String> launchedEc2InstanceId() {
        return Optional.ofNullable(launchedEc2InstanceId);
    }

    void update(LaunchStatus status, String instanceId) {
        launchStatus = status;
        launchedEc2InstanceId = instanceId;
    }

    void update(LaunchStatus status) {
        launchStatus = status;
    }
}
