package dev.ferry.local.mgn.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.local.mgn.environment.ServerSpec;

/**
 * The launch settings MGN gives a newly registered server. They are kept in wire form because MGN only stores
 * and returns them; the instance type, subnet and key live in the server's EC2 launch template instead.
 */
final class DefaultLaunchConfiguration {

    private DefaultLaunchConfiguration() {
    }

    static ObjectNode forServer(String sourceServerId, ServerSpec spec, String launchTemplateId) {
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        configuration.put("sourceServerID", sourceServerId);
        configuration.put("name", spec.hostname());
        configuration.put("ec2LaunchTemplateID", launchTemplateId);
        configuration.put("launchDisposition", "STARTED");
        configuration.put("targetInstanceTypeRightSizingMethod", "BASIC");
        configuration.put("copyPrivateIp", false);
        configuration.put("copyTags", true);
        configuration.putObject("licensing").put("osByol", false);
        configuration.put("bootMode", "USE_SOURCE");
        ObjectNode postLaunchActions = configuration.putObject("postLaunchActions");
        postLaunchActions.put("deployment", "TEST_AND_CUTOVER");
        postLaunchActions.putArray("ssmDocuments");
        configuration.put("enableMapAutoTagging", false);
        return configuration;
    }
}
