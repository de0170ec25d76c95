package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.ec2.InstanceStore.Association;
import dev.ferry.local.cloud.ec2.InstanceStore.RegionInstance;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * EC2's instance actions: DescribeInstances and DescribeInstanceStatus (the environment's instances and those MGN
 * launched), AssociateIamInstanceProfile and DescribeIamInstanceProfileAssociations.
 */
final class InstanceActions {

    /** EC2 reports status checks as initializing for a few minutes after launch. */
    private static final Duration STATUS_CHECKS_AFTER = Duration.ofMinutes(2);
    private static final int MIN_PAGE = 5;
    private static final int MAX_PAGE = 1000;
    private static final Filters<RegionInstance> INSTANCE_FILTERS = new Filters<>(instanceFilters(), RegionInstance::tags);
    private static final Filters<Association> ASSOCIATION_FILTERS = new Filters<>(Map.of(
            "instance-id", association -> List.of(association.instanceId()),
            // Associating is immediate here: an association is always in the associated state.
            "state", association -> List.of("associated")),
            association -> Map.of());

    private InstanceActions() {
    }

    static void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeInstances", InstanceActions::describeInstances);
        actions.put("DescribeInstanceStatus", InstanceActions::describeInstanceStatus);
        actions.put("AssociateIamInstanceProfile", InstanceActions::associate);
        actions.put("DescribeIamInstanceProfileAssociations", InstanceActions::describeAssociations);
    }

    private static String describeInstances(Ec2Request request) {
        Pages.Page<RegionInstance> page = Pages.of(request, INSTANCE_FILTERS.select(request, selected(request)),
                MIN_PAGE, MAX_PAGE);
        String accountId = request.region().accountId();
        XmlWriter xml = Ec2Xml.response(request).start("reservationSet");
        for (RegionInstance instance : page.items()) {
            xml.start("item").element("reservationId", "r-" + instance.instanceId().substring(2))
                    .element("ownerId", accountId).start("instancesSet").start("item");
            if (instance.spec() != null) {
                writeDefined(xml, request, instance);
            } else {
                writeLaunched(xml, instance);
            }
            xml.end().end().end();
        }
        return xml.end().element("nextToken", page.nextToken()).end().toString();
    }

    /** An instance MGN launched: what the controller checks after a launch. */
    private static void writeLaunched(XmlWriter xml, RegionInstance instance) {
        SimulatedInstance launched = instance.launched();
        xml.element("instanceId", launched.instanceId()).element("instanceType", launched.instanceType());
        writeState(xml, instance);
        xml.element("privateIpAddress", launched.privateIp())
                .element("ipAddress", launched.running() ? launched.publicIp() : null)
                .element("launchTime", launched.launchedAt());
    }

    /** An instance of the environment: what launch settings and the agent installation are derived from. */
    private static void writeDefined(XmlWriter xml, Ec2Request request, RegionInstance instance) {
        InstanceSpec spec = instance.spec();
        xml.element("instanceId", spec.instanceId()).element("instanceType", spec.instanceType());
        writeState(xml, instance);
        xml.element("keyName", spec.keyName()).element("launchTime", instance.launchedAt())
                .start("placement").element("availabilityZone", spec.availabilityZone()).element("tenancy", "default").end()
                .element("platform", spec.windows() ? "windows" : null)
                .element("platformDetails", spec.windows() ? "Windows" : "Linux/UNIX")
                .element("subnetId", spec.subnetId()).element("vpcId", spec.vpcId())
                .element("privateIpAddress", spec.privateIp())
                .element("architecture", "x86_64");
        xml.start("groupSet");
        SecurityGroupStore groups = request.region().groups();
        for (String groupId : spec.securityGroupIds()) {
            xml.start("item").element("groupId", groupId)
                    .element("groupName", groups.exists(groupId) ? groups.get(groupId).name() : null).end();
        }
        xml.end();
        request.region().instances().associationOf(spec.instanceId()).ifPresent(association -> xml.start("iamInstanceProfile")
                .element("arn", association.profileArn())
                .element("id", request.region().instances().profileId(association.profileArn())).end());
        Ec2Xml.tags(xml, spec.tags());
    }

    private static String describeInstanceStatus(Ec2Request request) {
        boolean includeAll = Boolean.parseBoolean(request.form().getOrDefault("IncludeAllInstances", "false"));
        Instant now = request.region().clock().instant();
        XmlWriter xml = Ec2Xml.response(request).start("instanceStatusSet");
        for (RegionInstance instance : selected(request)) {
            if (!instance.running() && !includeAll) {
                continue;
            }
            String status = !instance.running() ? "not-applicable"
                    : now.isBefore(instance.launchedAt().plus(STATUS_CHECKS_AFTER)) ? "initializing" : "ok";
            String zone = instance.spec() != null ? instance.spec().availabilityZone() : "local-1a";
            xml.start("item").element("instanceId", instance.instanceId()).element("availabilityZone", zone);
            writeState(xml, instance);
            writeCheck(xml, "systemStatus", status);
            writeCheck(xml, "instanceStatus", status);
            xml.end();
        }
        return xml.end().end().toString();
    }

    private static String associate(Ec2Request request) {
        String instanceId = request.required("InstanceId");
        String arn = request.optional("IamInstanceProfile.Arn");
        String name = request.optional("IamInstanceProfile.Name");
        if (arn == null && name == null) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter IamInstanceProfile");
        }
        String profileArn = arn != null ? arn : "arn:aws:iam::" + request.region().accountId() + ":instance-profile/" + name;
        Association association = request.region().instances().associate(instanceId, profileArn);
        XmlWriter xml = Ec2Xml.response(request).start("iamInstanceProfileAssociation");
        // EC2 answers while it is still associating; it is associated when next described.
        writeAssociation(xml, request, association, "associating");
        return xml.end().end().toString();
    }

    private static String describeAssociations(Ec2Request request) {
        List<Association> all = request.region().instances().associations();
        List<String> ids = request.list("AssociationId");
        for (String id : ids) {
            if (all.stream().noneMatch(association -> association.associationId().equals(id))) {
                throw new Ec2Exception("InvalidAssociationID.NotFound", "An association ID " + id + " does not exist");
            }
        }
        List<Association> selected = ids.isEmpty() ? all
                : all.stream().filter(association -> ids.contains(association.associationId())).toList();
        Pages.Page<Association> page = Pages.of(request, ASSOCIATION_FILTERS.select(request, selected), MIN_PAGE, MAX_PAGE);
        XmlWriter xml = Ec2Xml.response(request).start("iamInstanceProfileAssociationSet");
        page.items().forEach(association -> writeAssociation(xml.start("item"), request, association, "associated").end());
        return xml.end().element("nextToken", page.nextToken()).end().toString();
    }

    private static XmlWriter writeAssociation(XmlWriter xml, Ec2Request request, Association association, String state) {
        return xml.element("associationId", association.associationId()).element("instanceId", association.instanceId())
                .start("iamInstanceProfile").element("arn", association.profileArn())
                .element("id", request.region().instances().profileId(association.profileArn())).end()
                .element("state", state).element("timestamp", association.at());
    }

    /** The instances named by {@code InstanceId.N}, or all of them; an unknown ID fails the call as in EC2. */
    private static List<RegionInstance> selected(Ec2Request request) {
        List<String> ids = request.list("InstanceId");
        InstanceStore instances = request.region().instances();
        return ids.isEmpty() ? instances.all() : ids.stream().map(instances::get).toList();
    }

    private static void writeState(XmlWriter xml, RegionInstance instance) {
        xml.start("instanceState")
                .element("code", instance.running() ? 16 : 48)
                .element("name", instance.running() ? "running" : "terminated")
                .end();
    }

    private static void writeCheck(XmlWriter xml, String element, String status) {
        xml.start(element).element("status", status).start("details").start("item")
                .element("name", "reachability")
                .element("status", "ok".equals(status) ? "passed" : status)
                .end().end().end();
    }

    private static Map<String, Function<RegionInstance, Collection<String>>> instanceFilters() {
        Map<String, Function<RegionInstance, Collection<String>>> filters = new HashMap<>();
        filters.put("instance-id", instance -> List.of(instance.instanceId()));
        filters.put("instance-type", instance -> present(instance.instanceType()));
        filters.put("instance-state-name", instance -> List.of(instance.running() ? "running" : "terminated"));
        filters.put("private-ip-address", instance -> present(instance.privateIp()));
        filters.put("vpc-id", instance -> present(instance.spec() == null ? null : instance.spec().vpcId()));
        filters.put("subnet-id", instance -> present(instance.spec() == null ? null : instance.spec().subnetId()));
        filters.put("availability-zone", instance -> present(instance.spec() == null ? null : instance.spec().availabilityZone()));
        filters.put("key-name", instance -> present(instance.spec() == null ? null : instance.spec().keyName()));
        filters.put("platform", instance -> instance.spec() != null && instance.spec().windows() ? List.of("windows") : List.of());
        filters.put("instance.group-id", instance -> instance.spec() == null ? List.of() : instance.spec().securityGroupIds());
        return filters;
    }

    private static Collection<String> present(String value) {
        return Stream.of(value).filter(Objects::nonNull).toList();
    }
}
