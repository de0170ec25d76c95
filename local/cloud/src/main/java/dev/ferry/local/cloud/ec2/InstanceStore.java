package dev.ferry.local.cloud.ec2;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The instances of one simulated region: those of the environment (the source servers, running since the
 * rehearsal began) and those MGN launches (in the target region), with the instance profile associated with each.
 */
final class InstanceStore {

    private final Map<String, InstanceSpec> defined = new LinkedHashMap<>();
    private final Supplier<List<SimulatedInstance>> launched;
    private final Function<String, Optional<String>> profileIds;
    private final Ec2Ids ids;
    private final Clock clock;
    private final Instant definedSince;
    private final Map<String, Association> associations = new LinkedHashMap<>();

    /**
     * @param launched   the instances MGN has launched in this region so far
     * @param profileIds the ID of an instance profile by its ARN; empty for a profile IAM does not have
     * @param ids        where association IDs come from
     * @param clock      the rehearsal's clock
     */
    InstanceStore(Supplier<List<SimulatedInstance>> launched, Function<String, Optional<String>> profileIds, Ec2Ids ids,
                  Clock clock) {
        this.launched = launched;
        this.profileIds = profileIds;
        this.ids = ids;
        this.clock = clock;
        this.definedSince = clock.instant();
    }

    /** Adds an instance of the environment, with its instance profile if it has one. */
    synchronized void add(InstanceSpec spec) {
        defined.put(spec.instanceId(), spec);
        if (spec.instanceProfileArn() != null) {
            associate(spec.instanceId(), spec.instanceProfileArn());
        }
    }

    /** Every instance, those of the environment first. */
    synchronized List<RegionInstance> all() {
        List<RegionInstance> all = new ArrayList<>();
        defined.values().forEach(spec -> all.add(new RegionInstance(spec, null, definedSince)));
        launched.get().forEach(instance -> all.add(new RegionInstance(null, instance, instance.launchedAt())));
        return all;
    }

    /** An instance, or EC2's {@code InvalidInstanceID.NotFound}. */
    RegionInstance get(String instanceId) {
        return all().stream().filter(instance -> instance.instanceId().equals(instanceId)).findFirst()
                .orElseThrow(() -> new Ec2Exception("InvalidInstanceID.NotFound",
                        "The instance ID '" + instanceId + "' does not exist"));
    }

    /**
     * Associates an instance profile with an instance that has none.
     *
     * @throws Ec2Exception {@code IncorrectState} when the instance has one (associated or being associated),
     *                      {@code InvalidParameterValue} for a profile IAM does not have
     */
    synchronized Association associate(String instanceId, String profileArn) {
        get(instanceId);
        if (profileIds.apply(profileArn).isEmpty()) {
            throw Ec2Exception.invalidParameterValue("Value (" + profileArn + ") for parameter iamInstanceProfile.arn "
                    + "is invalid. Invalid IAM Instance Profile ARN");
        }
        if (associations.containsKey(instanceId)) {
            throw new Ec2Exception("IncorrectState", "There is an existing association for instance " + instanceId);
        }
        Association association = new Association(ids.next("iip-assoc", this::isAssociationId), instanceId, profileArn,
                clock.instant());
        associations.put(instanceId, association);
        return association;
    }

    synchronized List<Association> associations() {
        return List.copyOf(associations.values());
    }

    /** The profile associated with an instance, if any. */
    synchronized Optional<Association> associationOf(String instanceId) {
        return Optional.ofNullable(associations.get(instanceId));
    }

    /** The ID IAM gives an instance profile, or null when IAM does not know it. */
    String profileId(String profileArn) {
        return profileIds.apply(profileArn).orElse(null);
    }

    private boolean isAssociationId(String id) {
        return associations.values().stream().anyMatch(association -> association.associationId().equals(id));
    }

    /**
     * An instance of the region: one of the environment or one MGN launched.
     *
     * @param spec       the environment's instance, or null
     * @param launched   MGN's instance, or null
     * @param launchedAt when it started
     */
    record RegionInstance(InstanceSpec spec, SimulatedInstance launched, Instant launchedAt) {

        String instanceId() {
            return spec != null ? spec.instanceId() : launched.instanceId();
        }

        String instanceType() {
            return spec != null ? spec.instanceType() : launched.instanceType();
        }

        boolean running() {
            return spec != null || launched.running();
        }

        String privateIp() {
            return spec != null ? spec.privateIp() : launched.privateIp();
        }

        Map<String, String> tags() {
            return spec != null ? spec.tags() : Map.of();
        }
    }

    /** An instance profile association; EC2 finishes associating at once in the simulation. */
    record Association(String associationId, String instanceId, String profileArn, Instant at) {
    }
}
