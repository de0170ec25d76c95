package dev.ferry.wave.testing;

import dev.ferry.ec2.Ec2Gateway;
import dev.ferry.ec2.InstanceHealth;
import dev.ferry.ec2.LaunchTemplateChange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 launch templates in memory. Like EC2, a version request repeated with the same client token
 * returns the version the first request made. Every request is recorded.
 */
public class FakeEc2 implements Ec2Gateway {

    /** One {@code CreateLaunchTemplateVersion} request. */
    public record VersionRequest(String launchTemplateId, LaunchTemplateChange change, String idempotencyToken) {
    }

    /** One {@code ModifyLaunchTemplate} request setting the default version. */
    public record DefaultVersion(String launchTemplateId, long version) {
    }

    private final Map<String, Long> latestVersion = new HashMap<>();
    private final Map<String, Long> versionByToken = new HashMap<>();
    private final Map<String, Long> defaultVersions = new HashMap<>();
    private final Set<String> failingTemplates = new HashSet<>();
    private final List<VersionRequest> versionRequests = new ArrayList<>();
    private final List<DefaultVersion> defaultVersionRequests = new ArrayList<>();

    /** Makes every request on this launch template fail. */
    public synchronized FakeEc2 failing(String launchTemplateId) {
        failingTemplates.add(launchTemplateId);
        return this;
    }

    public synchronized List<VersionRequest> versionRequests() {
        return List.copyOf(versionRequests);
    }

    public synchronized List<DefaultVersion> defaultVersionRequests() {
        return List.copyOf(defaultVersionRequests);
    }

    /** The default version of a template; MGN creates each template with version 1. */
    public synchronized long defaultVersion(String launchTemplateId) {
        return defaultVersions.getOrDefault(launchTemplateId, 1L);
    }

    /** How many versions EC2 has made (requests answered from a token do not make one). */
    public synchronized int versionsMade() {
        return versionByToken.size();
    }

    @Override
    public synchronized long createLaunchTemplateVersion(String launchTemplateId, LaunchTemplateChange change, String idempotencyToken) {
        versionRequests.add(new VersionRequest(launchTemplateId, change, idempotencyToken));
        requireWorking(launchTemplateId);
        return versionByToken.computeIfAbsent(launchTemplateId + "/" + idempotencyToken,
                token -> latestVersion.merge(launchTemplateId, 2L, (latest, one) -> latest + 1));
    }

    @Override
    public synchronized void setDefaultLaunchTemplateVersion(String launchTemplateId, long version) {
        defaultVersionRequests.add(new DefaultVersion(launchTemplateId, version));
        requireWorking(launchTemplateId);
        defaultVersions.put(launchTemplateId, version);
    }

    @Override
    public synchronized Map<String, InstanceHealth> describeInstances(Collection<String> instanceIds) {
        throw new UnsupportedOperationException("not an operation of launch preparation");
    }

    private void requireWorking(String launchTemplateId) {
        if (failingTemplates.contains(launchTemplateId)) {
            throw new IllegalStateException("InvalidLaunchTemplateId.NotFound: " + launchTemplateId);
        }
    }
}
