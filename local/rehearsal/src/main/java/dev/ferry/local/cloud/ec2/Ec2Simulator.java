package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.http.LocalRequest;
import dev.ferry.local.cloud.http.LocalResponse;
import dev.ferry.local.cloud.http.LocalService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The part of EC2 the controller uses in the target region, in EC2's query protocol (form-encoded
 * POST, XML answers), so the real SDK and AWS CLI are its clients: launch template versions and the
 * default version, instance state, addresses and status checks of the instances MGN launched.
 */
public final class Ec2Simulator implements LocalService {

    static final String API_VERSION = "2016-11-15";
    private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/" + API_VERSION + "/";
    /** EC2 reports status checks as initializing for a few minutes after launch. */
    private static final Duration STATUS_CHECKS_AFTER = Duration.ofMinutes(2);

    private final Clock clock;
    private final Supplier<List<SimulatedInstance>> instances;
    private final LaunchTemplates templates;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /**
     * @param clock         the rehearsal's clock
     * @param instances     the instances MGN has launched so far
     * @param templateNames the name of each launch template MGN made, by ID
     */
    public Ec2Simulator(Clock clock, Supplier<List<SimulatedInstance>> instances,
                        Function<String, Optional<String>> templateNames) {
        this.clock = clock;
        this.instances = instances;
        this.templates = new LaunchTemplates(templateNames);
    }

    @Override
    public boolean accepts(LocalRequest request) {
        if (!"POST".equals(request.method()) || !request.header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        return API_VERSION.equals(request.form().get("Version"));
    }

    @Override
    public LocalResponse handle(LocalRequest request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        calls.add(action);
        try {
            String xml = switch (action) {
                case "DescribeInstances" -> describeInstances(form);
                case "DescribeInstanceStatus" -> describeInstanceStatus(form);
                case "CreateLaunchTemplateVersion" -> createLaunchTemplateVersion(form);
                case "ModifyLaunchTemplate" -> modifyLaunchTemplate(form);
                case "DescribeLaunchTemplateVersions" -> describeLaunchTemplateVersions(form);
                default -> throw new Ec2Exception("InvalidAction",
                        "The action " + action + " is not valid for this web service (the rehearsal's EC2 answers "
                                + "DescribeInstances, DescribeInstanceStatus, CreateLaunchTemplateVersion, "
                                + "ModifyLaunchTemplate and DescribeLaunchTemplateVersions).");
            };
            return LocalResponse.of(200, "text/xml;charset=UTF-8", xml);
        } catch (Ec2Exception e) {
            return LocalResponse.of(400, "text/xml;charset=UTF-8", errorDocument(e));
        }
    }

    /** The actions called so far, in order. */
    public List<String> calls() {
        return Collections.unmodifiableList(calls);
    }

    private String describeInstances(Map<String, String> form) {
        List<SimulatedInstance> selected = select(form);
        XmlWriter xml = new XmlWriter().startDocument("DescribeInstancesResponse", NAMESPACE)
                .element("requestId", UUID.randomUUID()).start("reservationSet");
        for (SimulatedInstance instance : selected) {
            xml.start("item").element("reservationId", "r-" + instance.instanceId().substring(2)).element("ownerId", "111122223333")
                    .start("instancesSet").start("item")
                    .element("instanceId", instance.instanceId())
                    .element("instanceType", instance.instanceType());
            writeState(xml, instance);
            xml.element("privateIpAddress", instance.privateIp())
                    .element("ipAddress", instance.running() ? instance.publicIp() : null)
                    .element("launchTime", instance.launchedAt())
                    .end().end().end();
        }
        return xml.end().end().toString();
    }

    private String describeInstanceStatus(Map<String, String> form) {
        boolean includeAll = Boolean.parseBoolean(form.getOrDefault("IncludeAllInstances", "false"));
        Instant now = clock.instant();
        XmlWriter xml = new XmlWriter().startDocument("DescribeInstanceStatusResponse", NAMESPACE)
                .element("requestId", UUID.randomUUID()).start("instanceStatusSet");
        for (SimulatedInstance instance : select(form)) {
            if (!instance.running() && !includeAll) {
                continue;
            }
            String status = !instance.running() ? "not-applicable"
                    : now.isBefore(instance.launchedAt().plus(STATUS_CHECKS_AFTER)) ? "initializing" : "ok";
            xml.start("item").element("instanceId", instance.instanceId()).element("availabilityZone", "local-1a");
            writeState(xml, instance);
            writeCheck(xml, "systemStatus", status);
            writeCheck(xml, "instanceStatus", status);
            xml.end();
        }
        return xml.end().end().toString();
    }

    private String createLaunchTemplateVersion(Map<String, String> form) {
        String templateId = required(form, "LaunchTemplateId");
        Map<String, String> data = new TreeMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("LaunchTemplateData.")) {
                data.put(key.substring("LaunchTemplateData.".length()), value);
            }
        });
        LaunchTemplates.Version version = templates.createVersion(templateId, form.get("SourceVersion"), data,
                form.get("ClientToken"), clock.instant());
        LaunchTemplates.Template template = templates.get(templateId);
        XmlWriter xml = new XmlWriter().startDocument("CreateLaunchTemplateVersionResponse", NAMESPACE)
                .element("requestId", UUID.randomUUID());
        writeVersion(xml.start("launchTemplateVersion"), template, version);
        return xml.end().end().toString();
    }

    private String modifyLaunchTemplate(Map<String, String> form) {
        String templateId = required(form, "LaunchTemplateId");
        LaunchTemplates.Template template = templates.setDefault(templateId, required(form, "SetDefaultVersion"));
        return new XmlWriter().startDocument("ModifyLaunchTemplateResponse", NAMESPACE)
                .element("requestId", UUID.randomUUID())
                .start("launchTemplate")
                .element("launchTemplateId", template.id())
                .element("launchTemplateName", template.name())
                .element("defaultVersionNumber", template.defaultVersion())
                .element("latestVersionNumber", template.latestVersion())
                .end().end().toString();
    }

    private String describeLaunchTemplateVersions(Map<String, String> form) {
        LaunchTemplates.Template template = templates.get(required(form, "LaunchTemplateId"));
        List<String> wanted = indexed(form, "LaunchTemplateVersion");
        XmlWriter xml = new XmlWriter().startDocument("DescribeLaunchTemplateVersionsResponse", NAMESPACE)
                .element("requestId", UUID.randomUUID()).start("launchTemplateVersionSet");
        List<LaunchTemplates.Version> versions = new ArrayList<>();
        if (wanted.isEmpty()) {
            versions.addAll(template.versions());
        } else {
            wanted.forEach(selector -> versions.add(template.version(selector)));
        }
        versions.forEach(version -> writeVersion(xml.start("item"), template, version).end());
        return xml.end().end().toString();
    }

    private List<SimulatedInstance> select(Map<String, String> form) {
        List<String> ids = indexed(form, "InstanceId");
        List<SimulatedInstance> all = instances.get();
        if (ids.isEmpty()) {
            return all;
        }
        List<SimulatedInstance> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(all.stream().filter(instance -> instance.instanceId().equals(id)).findFirst()
                    .orElseThrow(() -> new Ec2Exception("InvalidInstanceID.NotFound",
                            "The instance ID '" + id + "' does not exist")));
        }
        return selected;
    }

    private static void writeState(XmlWriter xml, SimulatedInstance instance) {
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

    /** Writes a version's fields into the element the caller opened, and returns the writer. */
    private static XmlWriter writeVersion(XmlWriter xml, LaunchTemplates.Template template, LaunchTemplates.Version version) {
        Map<String, String> data = version.data();
        xml.element("launchTemplateId", template.id())
                .element("launchTemplateName", template.name())
                .element("versionNumber", version.number())
                .element("defaultVersion", version.number() == template.defaultVersion())
                .element("createTime", version.createdAt())
                .start("launchTemplateData")
                .element("instanceType", data.get("InstanceType"))
                .element("keyName", data.get("KeyName"));
        writeNetworkInterfaces(xml, data);
        writeTagSpecifications(xml, data);
        return xml.end();
    }

    private static void writeNetworkInterfaces(XmlWriter xml, Map<String, String> data) {
        List<String> interfaces = indexed(data, "NetworkInterface", ".DeviceIndex");
        if (interfaces.isEmpty()) {
            return;
        }
        xml.start("networkInterfaceSet");
        for (int n = 1; n <= interfaces.size(); n++) {
            String prefix = "NetworkInterface." + n + ".";
            xml.start("item")
                    .element("deviceIndex", data.get(prefix + "DeviceIndex"))
                    .element("subnetId", data.get(prefix + "SubnetId"))
                    .element("associatePublicIpAddress", data.get(prefix + "AssociatePublicIpAddress"));
            List<String> groups = indexed(data, prefix + "SecurityGroupId");
            if (!groups.isEmpty()) {
                xml.start("groupSet");
                groups.forEach(group -> xml.element("item", group));
                xml.end();
            }
            xml.end();
        }
        xml.end();
    }

    private static void writeTagSpecifications(XmlWriter xml, Map<String, String> data) {
        List<String> specifications = indexed(data, "TagSpecification", ".ResourceType");
        if (specifications.isEmpty()) {
            return;
        }
        xml.start("tagSpecificationSet");
        for (int n = 1; n <= specifications.size(); n++) {
            String prefix = "TagSpecification." + n + ".";
            xml.start("item").element("resourceType", data.get(prefix + "ResourceType")).start("tagSet");
            for (int t = 1; data.containsKey(prefix + "Tag." + t + ".Key"); t++) {
                xml.start("item").element("key", data.get(prefix + "Tag." + t + ".Key"))
                        .element("value", data.get(prefix + "Tag." + t + ".Value")).end();
            }
            xml.end().end();
        }
        xml.end();
    }

    /** The values of a query-protocol list {@code Name.1}, {@code Name.2}... in order. */
    private static List<String> indexed(Map<String, String> fields, String name) {
        return indexed(fields, name, "");
    }

    private static List<String> indexed(Map<String, String> fields, String name, String suffix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; fields.containsKey(name + "." + n + suffix); n++) {
            values.add(fields.get(name + "." + n + suffix));
        }
        return values;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter " + name);
        }
        return value;
    }

    private static String errorDocument(Ec2Exception e) {
        return new XmlWriter().start("Response").start("Errors").start("Error")
                .element("Code", e.code()).element("Message", e.getMessage())
                .end().end().element("RequestID", UUID.randomUUID()).end().toString();
    }
}
