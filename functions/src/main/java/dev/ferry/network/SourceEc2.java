package dev.ferry.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What Ferry reads from EC2 in the source region. */
public interface SourceEc2 {

    /** These instances, by ID; instances EC2 does not know are absent. */
    Map<String, SourceInstance> describeInstances(Collection<String> instanceIds);

    /** These security groups with their rules; groups EC2 does not know are absent. */
    List<SecurityGroup> describeSecurityGroups(Collection<String> groupIds);
}
