package dev.ferry.local.cloud.ec2;

import dev.ferry.local.cloud.ec2.GroupRule.PeerKind;
import dev.ferry.local.cloud.xml.XmlWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2's permissions ({@code IpPermissions.N}, each a protocol, ports and several peers) read from a request
 * into one rule per peer, and written back grouped by protocol and ports as EC2 answers them.
 */
final class Permissions {

    /** The peer lists of a permission: query name, the peer's field, the XML element and field, the kind. */
    private static final List<PeerList> PEER_LISTS = List.of(
            new PeerList("IpRanges", "CidrIp", "ipRanges", "cidrIp", PeerKind.IPV4_RANGE),
            new PeerList("Ipv6Ranges", "CidrIpv6", "ipv6Ranges", "cidrIpv6", PeerKind.IPV6_RANGE),
            new PeerList("PrefixListIds", "PrefixListId", "prefixListIds", "prefixListId", PeerKind.PREFIX_LIST),
            new PeerList("Groups", "GroupId", "groups", "groupId", PeerKind.GROUP));

    private Permissions() {
    }

    /**
     * The rules of {@code IpPermissions.N}, one per peer.
     *
     * @throws Ec2Exception {@code InvalidParameterValue} for a protocol, port range or peer EC2 refuses,
     *                      {@code MissingParameter} when there is no permission
     */
    static List<GroupRule> read(Ec2Request request) {
        Map<String, String> form = request.form();
        List<GroupRule> rules = new ArrayList<>();
        for (int n = 1; form.containsKey("IpPermissions." + n + ".IpProtocol"); n++) {
            String prefix = "IpPermissions." + n + ".";
            String protocol = form.get(prefix + "IpProtocol");
            Integer from = request.integer(prefix + "FromPort");
            Integer to = request.integer(prefix + "ToPort");
            RuleChecks.trafficProblem(protocol, from, to).ifPresent(problem -> {
                throw Ec2Exception.invalidParameterValue(problem);
            });
            int before = rules.size();
            for (PeerList list : PEER_LISTS) {
                for (int m = 1; form.containsKey(prefix + list.query() + "." + m + "." + list.field()); m++) {
                    String peerPrefix = prefix + list.query() + "." + m + ".";
                    String peer = form.get(peerPrefix + list.field());
                    RuleChecks.peerProblem(list.kind(), peer).ifPresent(problem -> {
                        throw Ec2Exception.invalidParameterValue(problem);
                    });
                    rules.add(new GroupRule(protocol, from, to, list.kind(), peer, form.get(peerPrefix + "Description")));
                }
            }
            if (rules.size() == before) {
                throw new Ec2Exception("MissingParameter", "Either of the parameters ipRanges, ipv6Ranges, "
                        + "prefixListIds or groups must be specified for permission " + n);
            }
        }
        if (rules.isEmpty()) {
            throw new Ec2Exception("MissingParameter", "The request must contain the parameter ipPermissions");
        }
        return rules;
    }

    /** Writes {@code element} with the rules grouped into EC2's permissions, in the order they were added. */
    static void write(XmlWriter xml, String element, List<GroupRule> rules, String ownerId) {
        Map<List<Object>, List<GroupRule>> permissions = new LinkedHashMap<>();
        for (GroupRule rule : rules) {
            permissions.computeIfAbsent(Arrays.asList(rule.protocol(), rule.fromPort(), rule.toPort()),
                    key -> new ArrayList<>()).add(rule);
        }
        xml.start(element);
        for (List<GroupRule> permission : permissions.values()) {
            GroupRule first = permission.getFirst();
            xml.start("item").element("ipProtocol", first.protocol())
                    .element("fromPort", first.fromPort()).element("toPort", first.toPort());
            for (PeerList list : PEER_LISTS) {
                xml.start(list.element());
                permission.stream().filter(rule -> rule.peerKind() == list.kind()).forEach(rule -> {
                    xml.start("item");
                    if (list.kind() == PeerKind.GROUP) {
                        xml.element("userId", ownerId);
                    }
                    xml.element(list.elementField(), rule.peer()).element("description", rule.description()).end();
                });
                xml.end();
            }
            xml.end();
        }
        xml.end();
    }

    private record PeerList(String query, String field, String element, String elementField, PeerKind kind) {
    }
}
