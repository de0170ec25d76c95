package dev.ferry.local.rehearsal;

import dev.ferry.server.NetworkSetup;

import java.util.ArrayList;
import java.util.List;

/** What PrepareNetwork set up in the target region, in one line for the display and the summary. */
final class NetworkText {

    private NetworkText() {
    }

    /**
     * The key pair (imported or reused), how many security group copies were created and reused,
     * and how many source rules could not be copied or differ on a reused copy.
     */
    static String of(NetworkSetup network) {
        List<String> parts = new ArrayList<>();
        if (network.keyName() != null) {
            parts.add("key pair " + network.keyName() + (network.keyPairImported() ? " imported" : " reused"));
        }
        int created = (int) network.securityGroupCopies().keySet().stream()
                .filter(network.groupsCreated()::contains).count();
        int reused = network.securityGroupCopies().size() - created;
        if (created > 0) {
            parts.add(Wording.count(created, "security group", "security groups") + " created");
        }
        if (reused > 0) {
            parts.add((created > 0 ? reused + "" : Wording.count(reused, "security group", "security groups"))
                    + " reused");
        }
        if (!network.notCopied().isEmpty()) {
            parts.add(Wording.count(network.notCopied().size(), "rule", "rules") + " not copied");
        }
        if (!network.differences().isEmpty()) {
            parts.add(Wording.count(network.differences().size(), "difference", "differences")
                    + " on reused copies");
        }
        return parts.isEmpty() ? "nothing to set up" : String.join(", ", parts);
    }
}
