package dev.ferry.local.cloud.ec2;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a simulated security group: a protocol and port range, to or from one peer. EC2 lists
 * several peers under one permission; the simulator keeps one peer per rule, as EC2's own security
 * group rules do, and groups them back when it answers.
 *
 * @param protocol    {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all) or a protocol number
 * @param fromPort    first port or ICMP type; null for all traffic
 * @param toPort      last port or ICMP code; null for all traffic
 * @param peerKind    what the peer is
 * @param peer        a CIDR block, a prefix list ID or a group ID
 * @param description the rule's description, or null
 */
public record GroupRule(String protocol, Integer fromPort, Integer toPort, PeerKind peerKind, String peer,
                        String description) {

    /** EC2's protocol value for all traffic. */
    public static final String ALL_TRAFFIC = "-1";

    /** EC2 answers with names for the protocols it names, whatever number a request gave. */
    private static final Map<String, String> NAMES = Map.of("6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6",
            "all", ALL_TRAFFIC);

    public GroupRule {
        Objects.requireNonNull(peerKind, "peerKind");
        Objects.requireNonNull(peer, "peer");
        protocol = normalProtocol(protocol);
        if (ALL_TRAFFIC.equals(protocol)) {
            fromPort = null;
            toPort = null;
        }
        description = description == null || description.isEmpty() ? null : description;
    }

    /** The rule EC2 gives every new group: all traffic out to any IPv4 address. */
    public static GroupRule allTrafficToAnywhere() {
        return new GroupRule(ALL_TRAFFIC, null, null, PeerKind.IPV4_RANGE, "0.0.0.0/0", null);
    }

    /** Whether both let the same traffic through: EC2 calls such a rule a duplicate, whatever its description. */
    public boolean sameTrafficAs(GroupRule other) {
        return protocol.equals(other.protocol) && Objects.equals(fromPort, other.fromPort)
                && Objects.equals(toPort, other.toPort) && peerKind == other.peerKind && peer.equals(other.peer);
    }

    /** The rule as EC2's error messages show it. */
    String text() {
        String ports = fromPort == null ? "" : " " + fromPort + (Objects.equals(fromPort, toPort) ? "" : "-" + toPort);
        return protocol + ports + " " + peer;
    }

    static String normalProtocol(String protocol) {
        if (protocol == null) {
            return ALL_TRAFFIC;
        }
        String lower = protocol.trim().toLowerCase(Locale.ROOT);
        return NAMES.getOrDefault(lower, lower);
    }

    /** The other side of a rule. */
    public enum PeerKind {
        IPV4_RANGE, IPV6_RANGE, PREFIX_LIST, GROUP
    }
}
