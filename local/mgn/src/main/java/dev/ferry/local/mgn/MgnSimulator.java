package dev.ferry.local.mgn;

import dev.ferry.local.mgn.api.MgnApiHandler;
import dev.ferry.local.mgn.environment.MgnEnvironment;
import dev.ferry.local.mgn.environment.ServerSpec;
import dev.ferry.local.mgn.events.EventDeliveryPlan;
import dev.ferry.local.mgn.events.MgnEvent;
import dev.ferry.local.mgn.model.ApiCall;
import dev.ferry.local.mgn.model.MgnService;
import dev.ferry.local.mgn.model.Planning;
import dev.ferry.local.mgn.model.TargetInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A simulated AWS Application Migration Service for offline rehearsals: one account, one target region, driven
 * by a virtual clock. Mount {@link #apiHandler()} where the MGN endpoint is expected, call
 * {@link #advanceTo(Instant)} whenever virtual time moves (ask {@link #nextTransitionTime()} when to), and hand
 * the returned events to EventBridge through {@link #eventDeliveryPlan()}.
 */
public final class MgnSimulator {

    private final MgnService service;
    private final MgnApiHandler apiHandler;
    private final EventDeliveryPlan eventDeliveryPlan;

    public MgnSimulator(MgnEnvironment environment, Clock clock) {
        this(environment, clock, MgnService.DEFAULT_INSTANCE_NETWORK);
    }

    /**
     * A simulator whose launched instances get private IPs from {@code <instanceNetwork>.10.1} on,
     * so that runs side by side on one machine use different loopback addresses.
     */
    public MgnSimulator(MgnEnvironment environment, Clock clock, String instanceNetwork) {
        this.service = new MgnService(environment, clock, instanceNetwork);
        this.apiHandler = new MgnApiHandler(service);
        this.eventDeliveryPlan = new EventDeliveryPlan(service.serverSpecs().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().faults().events())));
    }

    /** A simulator of the MGN section of an environment file; other services' sections are ignored. */
    public static MgnSimulator fromEnvironmentFile(Path file, Clock clock) throws IOException {
        return new MgnSimulator(MgnEnvironment.load(file), clock);
    }

    /** The wire protocol handler: {@code (method, path, headers, body) -> (status, headers, body)}. */
    public MgnApiHandler apiHandler() {
        return apiHandler;
    }

    /** When the next time-driven change (replication step, job phase, stall recovery) is due. */
    public Optional<Instant> nextTransitionTime() {
        return service.nextTransitionTime();
    }

    /**
     * Applies every time-driven change up to {@code now}, in time order, and returns the events emitted since
     * the previous call (API calls move the model to the clock too, and their events are kept for this call).
     */
    public List<MgnEvent> advanceTo(Instant now) {
        return service.advanceTo(now);
    }

    /**
     * Registers the replication agent installed on a source instance and returns its source server ID.
     *
     * @throws IllegalArgumentException when no server of the environment has that instance ID
     * @throws IllegalStateException    when MGN is not initialised, so the installer cannot register
     */
    public String registerAgent(String sourceInstanceId) {
        return service.registerAgent(sourceInstanceId);
    }

    /** The source server ID each environment server has (or will have once its agent registers). */
    public Optional<String> sourceServerIdOf(String sourceInstanceId) {
        return service.sourceServerIdOf(sourceInstanceId);
    }

    /** The environment's servers by source server ID. */
    public Map<String, ServerSpec> servers() {
        return service.serverSpecs();
    }

    /** Every EC2 instance MGN launched, running or terminated, in launch order. */
    public List<TargetInstance> launchedInstances() {
        return service.launchedInstances();
    }

    /**
     * The EC2 launch template ({@code ec2LaunchTemplateID}) of each registered server, by source server ID, so
     * that a simulated EC2 can serve CreateLaunchTemplateVersion and ModifyLaunchTemplate on them.
     */
    public Map<String, String> launchTemplateIds() {
        return service.launchTemplateIds();
    }

    /** Every MGN wave, archived or not, in creation order. */
    public List<Planning.Group> waves() {
        return service.waves();
    }

    /** Every MGN application, archived or not, in creation order. */
    public List<Planning.Group> applications() {
        return service.applications();
    }

    /** How many source servers are in the application. */
    public long sourceServersIn(String applicationId) {
        return service.sourceServersIn(applicationId);
    }

    /** Every API call answered so far, in order. */
    public List<ApiCall> callLog() {
        return service.callLog();
    }

    /** How EventBridge delivers this environment's events, applying each server's event faults. */
    public EventDeliveryPlan eventDeliveryPlan() {
        return eventDeliveryPlan;
    }
}
