package dev.ferry.network;

/** Whether a security group rule admits traffic in (ingress) or lets it out (egress). */
public enum RuleDirection {
    INGRESS,
    EGRESS;

    /** "from" for ingress, "to" for egress, as people read rules. */
    String preposition() {
        return this == INGRESS ? "from" : "to";
    }
}
