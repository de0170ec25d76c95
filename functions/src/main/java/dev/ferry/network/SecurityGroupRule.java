package dev.ferry.network;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One permission of a security group: one protocol and port range, to or from one peer. EC2
 * groups several peers in one permission; Ferry keeps one peer per rule so that rules can be
 * compared, remapped and reported one at a time.
 *
 * <p>The protocol is normalised ({@code 6} and {@code tcp} are the same rule; {@code -1} means
 * all traffic and then carries no ports) so that a rule read back from EC2 equals the rule sent.
 *
 * @param protocol    {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all) or an IP protocol number
 * @param fromPort    first port (or ICMP type), null for all traffic
 * @param toPort      last port (or ICMP code), null for all traffic
 * @param peer        the address range, prefix list or group on the other side
 * @param description the rule's description, or null
 */
public record SecurityGroupRule(String protocol, Integer fromPort, Integer toPort, RulePeer peer, String description) {

    /** The protocol value EC2 uses for all traffic. */
    public static final String ALL_PROTOCOLS = "-1";

    private static final Map<String, String> PROTOCOL_NAMES = Map.of(
            "6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6", "all", ALL_PROTOCOLS);

    public SecurityGroupRule {
        Objects.requireNonNull(peer, "peer");
        protocol = normalProtocol(protocol);
        if (ALL_PROTOCOLS.equals(protocol)) {
            fromPort = null;
            toPort = null;
        }
        description = description == null || description.isBlank() ? null : description;
    }

    /** A rule allowing every protocol and port, to or from the peer. */
    public static SecurityGroupRule allTraffic(RulePeer peer) {
        return new SecurityGroupRule(ALL_PROTOCOLS, null, null, peer, null);
    }

    /** The same rule with another peer, e.g. a source group replaced by its target-region copy. */
    public SecurityGroupRule withPeer(RulePeer otherPeer) {
        return new SecurityGroupRule(protocol, fromPort, toPort, otherPeer, description);
    }

    /** Whether both rules let the same traffic through, whatever their descriptions say. */
    public boolean allowsSameAs(SecurityGroupRule other) {
        return protocol.equals(other.protocol)
                && Objects.equals(fromPort, other.fromPort)
                && Objects.equals(toPort, other.toPort)
                && peer.equals(other.peer);
    }

    /**
     * Whether this is the egress rule EC2 puts in every new group: all traffic to anywhere, over
     * IPv4 or IPv6.
     */
    public boolean isAllTrafficToAnywhere() {
        return ALL_PROTOCOLS.equals(protocol)
                && (peer.equals(new RulePeer.Ipv4Range("0.0.0.0/0")) || peer.equals(new RulePeer.Ipv6Range("::/0")));
    }

    /** The rule as people read it, e.g. {@code tcp 443 from 10.0.0.0/8}. */
    public String text(RuleDirection direction) {
        return traffic() + " " + direction.preposition() + " " + peer.text();
    }

    private String traffic() {
        if (ALL_PROTOCOLS.equals(protocol)) {
            return "all traffic";
        }
        if (fromPort == null) {
            return protocol;
        }
        return protocol + " " + (fromPort.equals(toPort) ? fromPort.toString() : fromPort + "-" + toPort);
    }

    private static String normalProtocol(String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return ALL_PROTOCOLS;
        }
        String lower = protocol.trim().toLowerCase(Locale.ROOT);
        return PROTOCOL_NAMES.getOrDefault(lower, lower);
    }
}
