package dev.ferry.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the PrepareNetwork stage left in place in the target region, for the report.
 *
 * @param keyName             the launch key pair, or null when the wave names none
 * @param keyPairImported     whether Ferry imported it from the wave's public key (false: it existed)
 * @param securityGroupCopies the copy of each source security group, by source group ID
 * @param groupsCreated       the source groups whose copy this wave created (the others were reused)
 * @param differences         what differs between reused copies and their sources (reported, not changed)
 * @param notCopied           source rules that could not be copied, with the reason
 */
public record NetworkSetup(String keyName, boolean keyPairImported, Map<String, String> securityGroupCopies,
                           List<String> groupsCreated, List<String> differences, List<String> notCopied) {

    public NetworkSetup {
        securityGroupCopies = securityGroupCopies == null ? Map.of() : Map.copyOf(securityGroupCopies);
        groupsCreated = groupsCreated == null ? List.of() : List.copyOf(groupsCreated);
        differences = differences == null ? List.of() : List.copyOf(differences);
        notCopied = notCopied == null ? List.of() : List.copyOf(notCopied);
    }

    /** The copies in source group ID order, for stable reports. */
    public Map<String, String> copiesInOrder() {
        return new TreeMap<>(securityGroupCopies);
    }
}
