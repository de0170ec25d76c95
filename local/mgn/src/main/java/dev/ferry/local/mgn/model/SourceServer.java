package dev.ferry.local.mgn.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.environment.ServerSpec;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A source server registered with MGN: its lifecycle, replication, launch settings and launched instance. */
public final class SourceServer {

    private final String id;
    private final String arn;
    private final ServerSpec spec;
    private final String launchTemplateId;
    private final ObjectNode launchConfiguration;
    private final Map<LaunchKind, Map<Milestone.Step, Milestone>> milestones = new EnumMap<>(LaunchKind.class);
    private Instant addedAt;
    private LifeCycleState lifeCycle;
    private Replication replication;
    private boolean archived;
    private boolean readyForTestAnnounced;
    private LaunchedInstanceInfo launchedInstance;
    private String applicationId;

    SourceServer(String id, String arn, ServerSpec spec, String launchTemplateId, ObjectNode launchConfiguration) {
        this.id = id;
        this.arn = arn;
        this.spec = spec;
        this.launchTemplateId = launchTemplateId;
        this.launchConfiguration = launchConfiguration;
        for (LaunchKind kind : LaunchKind.values()) {
            milestones.put(kind, new EnumMap<>(Milestone.Step.class));
        }
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public ServerSpec spec() {
        return spec;
    }

    /** The EC2 launch template MGN created for the server ({@code ec2LaunchTemplateID}). */
    public String launchTemplateId() {
        return launchTemplateId;
    }

    public Instant addedAt() {
        return addedAt;
    }

    public LifeCycleState lifeCycle() {
        return lifeCycle;
    }

    public boolean archived() {
        return archived;
    }

    public Optional<LaunchedInstanceInfo> launchedInstance() {
        return Optional.ofNullable(launchedInstance);
    }

    public Optional<Milestone> milestone(LaunchKind kind, Milestone.Step step) {
        return Optional.ofNullable(milestones.get(kind).get(step));
    }

    public ReplicationView replication(Instant now) {
        return replication.view(now);
    }

    /** A copy of the stored launch configuration settings, in wire form. */
    public ObjectNode launchConfiguration() {
        return launchConfiguration.deepCopy();
    }

    ObjectNode mutableLaunchConfiguration() {
        return launchConfiguration;
    }

    Replication replicationProcess() {
        return replication;
    }

    /** Starts (or, after a disconnect, restarts) replication as a freshly installed agent does. */
    void connectAgent(Replication newReplication, Instant at) {
        if (addedAt == null) {
            addedAt = at;
        }
        replication = newReplication;
        lifeCycle = LifeCycleState.NOT_READY;
        archived = false;
    }

    void moveTo(LifeCycleState state) {
        lifeCycle = state;
    }

    void archive() {
        archived = true;
    }

    /** The MGN application the server is in, if any. */
    public Optional<String> applicationId() {
        return Optional.ofNullable(applicationId);
    }

    void putInApplication(String id) {
        applicationId = id;
    }

    /** Records that READY_FOR_TEST was announced; false when it had been already, since MGN announces it once. */
    boolean announceReadyForTest() {
        boolean first = !readyForTestAnnounced;
        readyForTestAnnounced = true;
        return first;
    }

    void initiate(LaunchKind kind, Instant at, String jobId) {
        Map<Milestone.Step, Milestone> entries = milestones.get(kind);
        entries.clear();
        entries.put(Milestone.Step.INITIATED, new Milestone(at, Optional.of(jobId)));
    }

    void record(LaunchKind kind, Milestone.Step step, Instant at) {
        milestones.get(kind).put(step, new Milestone(at, Optional.empty()));
    }

    void launched(LaunchedInstanceInfo instance) {
        launchedInstance = instance;
    }

    void clearLaunchedInstance() {
        launchedInstance = null;
    }
}
