package dev.ferry.ec2;

import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Placeholder being replaced by the real adapter. */
public class SdkEc2Gateway implements Ec2Gateway {

    public SdkEc2Gateway(Ec2Client ec2) {
    }

    @Override
    public long createLaunchTemplateVersion(String launchTemplateId, LaunchTemplateChange change, String idempotencyToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void setDefaultLaunchTemplateVersion(String launchTemplateId, long version) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Map<String, InstanceHealth> describeInstances(Collection<String> instanceIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
