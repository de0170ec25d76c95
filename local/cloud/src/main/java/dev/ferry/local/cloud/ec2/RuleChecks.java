package dev.ferry.local.cloud.ec2;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What EC2 refuses in a security group rule, shared by the simulated API (which answers
 * {@code InvalidParameterValue}) and the environment file's reader (which names the field).
 */
public final class RuleChecks {

    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/(\\d{1,3})");
    private static final Pattern PREFIX_LIST_ID = Pattern.compile("pl-[0-9a-f]{8,17}");
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Set<String> PORTED = Set.of("tcp", "udp");
    private static final Set<String> ICMP = Set.of("icmp", "icmpv6");
    private static final int MAX_PORT = 65_535;
    private static final int MAX_ICMP = 255;

    private RuleChecks() {
    }

    /** Why EC2 refuses this protocol and port range, or empty when it accepts them. */
    public static Optional<String> trafficProblem(String protocol, Integer fromPort, Integer toPort) {
        String normal = GroupRule.normalProtocol(protocol);
        if (PORTED.contains(normal)) {
            if (fromPort == null || toPort == null) {
                return Optional.of("a " + normal + " rule needs fromPort and toPort");
            }
            if (fromPort < 0 || toPort > MAX_PORT || fromPort > toPort) {
                return Optional.of("invalid " + normal + " port range " + fromPort + "-" + toPort
                        + " (0 to 65535, from not above to)");
            }
            return Optional.empty();
        }
        if (ICMP.contains(normal)) {
            if (fromPort == null || toPort == null) {
                return Optional.of("an " + normal + " rule needs the ICMP type (fromPort) and code (toPort), -1 for all");
            }
            if (fromPort < -1 || fromPort > MAX_ICMP || toPort < -1 || toPort > MAX_ICMP) {
                return Optional.of("invalid ICMP type " + fromPort + " or code " + toPort + " (-1 to 255)");
            }
            return Optional.empty();
        }
        if (normal.equals(GroupRule.ALL_TRAFFIC) || isProtocolNumber(normal)) {
            return Optional.empty();
        }
        return Optional.of("invalid value '" + protocol + "' for IP protocol: unknown protocol");
    }

    /** Why EC2 refuses this peer, or empty when it is well formed. */
    public static Optional<String> peerProblem(GroupRule.PeerKind kind, String peer) {
        boolean valid = switch (kind) {
            case IPV4_RANGE -> isIpv4Cidr(peer);
            case IPV6_RANGE -> isIpv6Cidr(peer);
            case PREFIX_LIST -> PREFIX_LIST_ID.matcher(peer).matches();
            case GROUP -> GROUP_ID.matcher(peer).matches();
        };
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case IPV4_RANGE, IPV6_RANGE -> "CIDR block " + peer + " is malformed";
            case PREFIX_LIST -> "invalid prefix list ID " + peer;
            case GROUP -> "invalid security group ID " + peer;
        });
    }

    private static boolean isIpv4Cidr(String cidr) {
        var matcher = IPV4_CIDR.matcher(cidr);
        if (!matcher.matches()) {
            return false;
        }
        for (int octet = 1; octet <= 4; octet++) {
            if (Integer.parseInt(matcher.group(octet)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(matcher.group(5)) <= 32;
    }

    private static boolean isIpv6Cidr(String cidr) {
        var matcher = IPV6_CIDR.matcher(cidr);
        return matcher.matches() && Integer.parseInt(matcher.group(1)) <= 128;
    }

    private static boolean isProtocolNumber(String protocol) {
        if (!protocol.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(protocol) <= 255;
    }
}
