package dev.ferry.local.cloud.ec2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The launch templates of the simulated EC2. A template MGN made for a source server is adopted on
 * first use (MGN creates one per server; {@code templateNames} knows their IDs). Each version keeps
 * its launch template data as the query protocol's flattened fields, e.g.
 * {@code NetworkInterface.1.SubnetId}.
 */
final class LaunchTemplates {

    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Function<String, Optional<String>> templateNames;

    /** @param templateNames the name of a template MGN made, by its ID; empty for an unknown ID */
    LaunchTemplates(Function<String, Optional<String>> templateNames) {
        this.templateNames = templateNames;
    }

    synchronized Template get(String templateId) {
        Template template = templates.get(templateId);
        if (template != null) {
            return template;
        }
        String name = templateNames.apply(templateId).orElseThrow(() -> new Ec2Exception(
                "InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID " + templateId
                        + ", does not exist."));
        template = new Template(templateId, name);
        templates.put(templateId, template);
        return template;
    }

    /**
     * A new version from {@code sourceVersion} ({@code $Default}, {@code $Latest} or a number) with
     * the given data groups replacing the source's (EC2 replaces a whole list, such as the network
     * interfaces, when the request names it). A client token seen before returns its version.
     */
    synchronized Version createVersion(String templateId, String sourceVersion, Map<String, String> data,
                                       String clientToken, Instant now) {
        Template template = get(templateId);
        if (clientToken != null) {
            for (Version version : template.versions) {
                if (clientToken.equals(version.clientToken())) {
                    return version;
                }
            }
        }
        Map<String, String> merged = new TreeMap<>(template.version(sourceVersion).data());
        data.keySet().stream().map(LaunchTemplates::group).distinct()
                .forEach(group -> merged.keySet().removeIf(key -> group(key).equals(group)));
        merged.putAll(data);
        Version version = new Version(template.versions.size() + 1, merged, clientToken, now);
        template.versions.add(version);
        return version;
    }

    synchronized Template setDefault(String templateId, String version) {
        Template template = get(templateId);
        template.defaultVersion = template.version(version).number();
        return template;
    }

    private static String group(String flattenedKey) {
        int dot = flattenedKey.indexOf('.');
        return dot < 0 ? flattenedKey : flattenedKey.substring(0, dot);
    }

    /** A launch template and its versions; version 1 is the empty one MGN made. */
    static final class Template {
        private final String id;
        private final String name;
        private final List<Version> versions = new ArrayList<>();
        private long defaultVersion = 1;

        private Template(String id, String name) {
            this.id = id;
            this.name = name;
            versions.add(new Version(1, Map.of(), null, Instant.EPOCH));
        }

        String id() {
            return id;
        }

        String name() {
            return name;
        }

        long defaultVersion() {
            return defaultVersion;
        }

        long latestVersion() {
            return versions.size();
        }

        List<Version> versions() {
            return List.copyOf(versions);
        }

        Version version(String selector) {
            if (selector == null || selector.equals("$Default")) {
                return versions.get((int) defaultVersion - 1);
            }
            if (selector.equals("$Latest")) {
                return versions.get(versions.size() - 1);
            }
            try {
                long number = Long.parseLong(selector);
                if (number >= 1 && number <= versions.size()) {
                    return versions.get((int) number - 1);
                }
            } catch (NumberFormatException notANumber) {
                // reported below, as EC2 does
            }
            throw new Ec2Exception("InvalidLaunchTemplateId.VersionNotFound",
                    "Could not find launch template version " + selector + " of " + id + ".");
        }
    }

    /** One version of a template. */
    record Version(long number, Map<String, String> data, String clientToken, Instant createdAt) {
    }
}
