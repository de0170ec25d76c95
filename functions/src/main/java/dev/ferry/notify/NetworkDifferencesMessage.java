package dev.ferry.notify;

import java.util.List;

/**
 * Told when security group copies Ferry reuses differ from their sources, or source rules cannot
 * be copied: Ferry never overwrites what a person may have changed on purpose.
 */
public final class NetworkDifferencesMessage {

    private NetworkDifferencesMessage() {
    }

    /**
     * @param waveName    the wave
     * @param targetVpcId the VPC holding the copies
     * @param differences what differs on reused copies, one sentence each
     * @param notCopied   source rules that were not copied, with the reason, one sentence each
     */
    public static Notification of(String waveName, String targetVpcId, List<String> differences,
                                  List<String> notCopied) {
        StringBuilder body = new StringBuilder("Ferry copied the source security groups of wave ").append(waveName)
                .append(" into ").append(targetVpcId).append(" and found what it did not change.\n");
        if (!differences.isEmpty()) {
            body.append("\nCopies that differ from their sources (left as they are; change them by hand if the "
                    + "source is right):\n");
            differences.forEach(difference -> body.append("- ").append(difference).append('\n'));
        }
        if (!notCopied.isEmpty()) {
            body.append("\nSource rules not copied:\n");
            notCopied.forEach(rule -> body.append("- ").append(rule).append('\n'));
        }
        body.append("\nThe wave goes on: its instances launch with the copies as they are.\n");
        return new Notification("Ferry wave " + waveName + ": security group differences", body.toString());
    }
}
