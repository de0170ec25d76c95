package dev.ferry.ec2;

import java.util.Collection;
import java.util.Map;

/** The EC2 operations the controller uses in the target region. */
public interface Ec2Gateway {

    /**
     * Creates a launch template version from the template's default version with the change
     * applied, and returns its number. {@code idempotencyToken} makes a retried call return the
     * version the first call made.
     */
    long createLaunchTemplateVersion(String launchTemplateId, LaunchTemplateChange change, String idempotencyToken);

    void setDefaultLaunchTemplateVersion(String launchTemplateId, long version);

    /** Health and addresses of these instances; instances EC2 does not know are absent. */
    Map<String, InstanceHealth> describeInstances(Collection<String> instanceIds);
}
