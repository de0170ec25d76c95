package dev.ferry.local.cloud.ec2;

import java.util.List;
import java.util.Map;

/** EC2's CreateTags, on the resources the simulation lets be tagged: security groups and key pairs. */
final class TagActions {

    private TagActions() {
    }

    static void register(Map<String, Ec2Action> actions) {
        actions.put("CreateTags", TagActions::createTags);
    }

    private static String createTags(Ec2Request request) {
        List<String> resources = request.list("ResourceId");
        if (resources.isEmpty()) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter resourceIdSet");
        }
        Map<String, String> tags = request.tags("Tag");
        if (tags.isEmpty()) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter tagSet");
        }
        Ec2Region region = request.region();
        // Every resource is checked before any is tagged: EC2 tags all or none.
        for (String resource : resources) {
            if (resource.startsWith("sg-")) {
                region.groups().get(resource);
            } else if (resource.startsWith("key-")) {
                region.keyPairs().withId(resource);
            } else {
                throw new Ec2Exception("InvalidID", "The ID '" + resource + "' is not valid here: the rehearsal's EC2 "
                        + "tags security groups and key pairs");
            }
        }
        for (String resource : resources) {
            if (resource.startsWith("sg-")) {
                region.groups().tag(resource, tags);
            } else {
                region.keyPairs().tag(resource, tags);
            }
        }
        return Ec2Xml.response(request).element("return", true).end().toString();
    }
}
