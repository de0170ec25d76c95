package dev.ferry.network;

/**
 * The other side of a security group rule: an address range, a prefix list or another group.
 * Address ranges mean the same in every region; prefix lists and groups are regional.
 */
public sealed interface RulePeer {

    /** The peer as people read it: a CIDR block or an ID. */
    String text();

    /** An IPv4 CIDR block. */
    record Ipv4Range(String cidr) implements RulePeer {
        @Override
        public String text() {
            return cidr;
        }
    }

    /** An IPv6 CIDR block. */
    record Ipv6Range(String cidr) implements RulePeer {
        @Override
        public String text() {
            return cidr;
        }
    }

    /** A managed prefix list: an ID of one region, meaningless in another. */
    record PrefixList(String prefixListId) implements RulePeer {
        @Override
        public String text() {
            return prefixListId;
        }
    }

    /** Another security group (or the same one), by ID. */
    record GroupReference(String groupId) implements RulePeer {
        @Override
        public String text() {
            return groupId;
        }
    }
}
