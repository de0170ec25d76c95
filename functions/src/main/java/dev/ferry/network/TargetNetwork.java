package dev.ferry.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The security groups and key pairs Ferry reads and makes with EC2 in the target region. */
public interface TargetNetwork {

    /**
     * The groups of the VPC tagged {@value FerryTags#SOURCE_GROUP} with one of these source group
     * IDs, whichever wave made them.
     */
    List<SecurityGroup> findFerryGroups(String vpcId, Collection<String> sourceGroupIds);

    /** A group by ID, when EC2 lists it. */
    Optional<SecurityGroup> describeGroup(String groupId);

    /**
     * Creates the group in the VPC with its tags (in the same call, so a group never exists
     * untagged) and returns its ID. EC2 gives it its usual all-traffic egress rule.
     *
     * @throws SecurityGroupConflictException when the VPC already has a group of that name
     */
    String createGroup(String vpcId, SecurityGroupPlan.GroupToCreate group);

    /** Adds the rules; a rule the group already has counts as added. */
    void authorize(String groupId, RuleDirection direction, List<SecurityGroupRule> rules);

    /** Takes the rules away; a rule the group no longer has counts as taken away. */
    void revoke(String groupId, RuleDirection direction, List<SecurityGroupRule> rules);

    /** Adds or overwrites tags on a group. */
    void tag(String groupId, Map<String, String> tags);

    /** The key pair of that name, when it exists. */
    Optional<TargetKeyPair> findKeyPair(String keyName);

    /**
     * Imports a public key as a key pair with these tags. When a key pair of that name appeared
     * meanwhile (a concurrent or interrupted import), returns that one.
     */
    TargetKeyPair importKeyPair(String keyName, String publicKey, Map<String, String> tags);
}
