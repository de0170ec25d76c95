package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.xml.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EC2's launch template actions on the templates MGN made: CreateLaunchTemplateVersion, ModifyLaunchTemplate
 * (the default version) and DescribeLaunchTemplateVersions.
 */
final class LaunchTemplateActions {

    private static final String DATA = "LaunchTemplateData.";

    private LaunchTemplateActions() {
    }

    static void register(Map<String, Ec2Action> actions) {
        actions.put("CreateLaunchTemplateVersion", LaunchTemplateActions::createVersion);
        actions.put("ModifyLaunchTemplate", LaunchTemplateActions::modify);
        actions.put("DescribeLaunchTemplateVersions", LaunchTemplateActions::describeVersions);
    }

    private static String createVersion(Ec2Request request) {
        String templateId = request.required("LaunchTemplateId");
        Map<String, String> data = new TreeMap<>();
        request.form().forEach((key, value) -> {
            if (key.startsWith(DATA)) {
                data.put(key.substring(DATA.length()), value);
            }
        });
        LaunchTemplates templates = request.region().templates();
        LaunchTemplates.Version version = templates.createVersion(templateId, request.optional("SourceVersion"), data,
                request.optional("ClientToken"), request.region().clock().instant());
        XmlWriter xml = Ec2Xml.response(request);
        writeVersion(xml.start("launchTemplateVersion"), templates.get(templateId), version);
        return xml.end().end().toString();
    }

    private static String modify(Ec2Request request) {
        LaunchTemplates.Template template = request.region().templates()
                .setDefault(request.required("LaunchTemplateId"), request.required("SetDefaultVersion"));
        return Ec2Xml.response(request)
                .start("launchTemplate")
                .element("launchTemplateId", template.id())
                .element("launchTemplateName", template.name())
                .element("defaultVersionNumber", template.defaultVersion())
                .element("latestVersionNumber", template.latestVersion())
                .end().end().toString();
    }

    private static String describeVersions(Ec2Request request) {
        LaunchTemplates.Template template = request.region().templates().get(request.required("LaunchTemplateId"));
        List<String> wanted = request.list("LaunchTemplateVersion");
        List<LaunchTemplates.Version> versions = new ArrayList<>();
        if (wanted.isEmpty()) {
            versions.addAll(template.versions());
        } else {
            wanted.forEach(selector -> versions.add(template.version(selector)));
        }
        XmlWriter xml = Ec2Xml.response(request).start("launchTemplateVersionSet");
        versions.forEach(version -> writeVersion(xml.start("item"), template, version).end());
        return xml.end().end().toString();
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
        List<String> interfaces = Ec2Request.indexed(data, "NetworkInterface", ".DeviceIndex");
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
            List<String> groups = Ec2Request.indexed(data, prefix + "SecurityGroupId", "");
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
        List<String> specifications = Ec2Request.indexed(data, "TagSpecification", ".ResourceType");
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
}
