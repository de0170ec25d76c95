package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.ec2.SimulatedSecurityGroup.Direction;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * EC2's security group actions: DescribeSecurityGroups (by IDs, names and filters, paged), CreateSecurityGroup,
 * AuthorizeSecurityGroupIngress/Egress and RevokeSecurityGroupIngress/Egress.
 */
final class SecurityGroupActions {

    private static final Filters<SimulatedSecurityGroup> FILTERS = new Filters<>(Map.<String, Function<SimulatedSecurityGroup, Collection<String>>>of(
            "group-id", group -> List.of(group.groupId()),
            "group-name", group -> List.of(group.name()),
            "description", group -> List.of(group.description()),
            "vpc-id", group -> List.of(group.vpcId()),
            "owner-id", group -> List.of(group.ownerId())),
            SimulatedSecurityGroup::tags);
    private static final int MIN_PAGE = 5;
    private static final int MAX_PAGE = 1000;

    private SecurityGroupActions() {
    }

    static void register(Map<String, Ec2Action> actions) {
        actions.put("DescribeSecurityGroups", SecurityGroupActions::describe);
        actions.put("CreateSecurityGroup", SecurityGroupActions::create);
        actions.put("AuthorizeSecurityGroupIngress", request -> authorize(request, Direction.INGRESS));
        actions.put("AuthorizeSecurityGroupEgress", request -> authorize(request, Direction.EGRESS));
        actions.put("RevokeSecurityGroupIngress", request -> revoke(request, Direction.INGRESS));
        actions.put("RevokeSecurityGroupEgress", request -> revoke(request, Direction.EGRESS));
    }

    private static String describe(Ec2Request request) {
        SecurityGroupStore store = request.region().groups();
        List<String> ids = request.list("GroupId");
        List<String> names = request.list("GroupName");
        List<SimulatedSecurityGroup> groups = ids.isEmpty() ? store.all() : ids.stream().map(store::get).toList();
        for (String name : names) {
            if (groups.stream().noneMatch(group -> group.name().equals(name))) {
                throw new Ec2Exception("InvalidGroup.NotFound", "The security group '" + name + "' does not exist");
            }
        }
        if (!names.isEmpty()) {
            groups = groups.stream().filter(group -> names.contains(group.name())).toList();
        }
        Pages.Page<SimulatedSecurityGroup> page = Pages.of(request, FILTERS.select(request, groups), MIN_PAGE, MAX_PAGE);
        XmlWriter xml = Ec2Xml.response(request).start("securityGroupInfo");
        for (SimulatedSecurityGroup group : page.items()) {
            xml.start("item").element("ownerId", group.ownerId()).element("groupId", group.groupId())
                    .element("groupName", group.name()).element("groupDescription", group.description())
                    .element("vpcId", group.vpcId())
                    .element("securityGroupArn", request.region().arn("security-group/" + group.groupId()));
            Permissions.write(xml, "ipPermissions", group.rules(Direction.INGRESS), group.ownerId());
            Permissions.write(xml, "ipPermissionsEgress", group.rules(Direction.EGRESS), group.ownerId());
            Ec2Xml.tags(xml, group.tags());
            xml.end();
        }
        return xml.end().element("nextToken", page.nextToken()).end().toString();
    }

    private static String create(Ec2Request request) {
        String name = request.required("GroupName");
        String description = request.required("GroupDescription");
        String vpcId = request.optional("VpcId");
        if (vpcId == null) {
            // Every VPC of the simulation is a VPC of its own: there is no default one to fall back on.
            throw new Ec2Exception("VPCIdNotSpecified", "No default VPC for this user. GroupName is only supported "
                    + "for EC2-Classic and default VPC.");
        }
        SimulatedSecurityGroup group = request.region().groups().create(name, description, vpcId,
                request.tagSpecification("security-group"));
        XmlWriter xml = Ec2Xml.response(request).element("return", true).element("groupId", group.groupId());
        Ec2Xml.tags(xml, group.tags());
        return xml.element("securityGroupArn", request.region().arn("security-group/" + group.groupId())).end().toString();
    }

    private static String authorize(Ec2Request request, Direction direction) {
        request.region().groups().authorize(request.required("GroupId"), direction, Permissions.read(request));
        return Ec2Xml.response(request).element("return", true).end().toString();
    }

    private static String revoke(Ec2Request request, Direction direction) {
        request.region().groups().revoke(request.required("GroupId"), direction, Permissions.read(request));
        return Ec2Xml.response(request).element("return", true).end().toString();
    }
}
