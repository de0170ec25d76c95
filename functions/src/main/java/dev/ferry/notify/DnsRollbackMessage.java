package dev.ferry.notify;

import java.util.List;

/** Told when a DNS switch failed its health check and sent all traffic back to the source. */
public final class DnsRollbackMessage {

    private DnsRollbackMessage() {
    }

    /**
     * @param waveName the wave
     * @param records  the records moved back, as people read them
     * @param reason   what the failed check said
     */
    public static Notification of(String waveName, List<String> records, String reason) {
        StringBuilder body = new StringBuilder("The DNS switch of wave ").append(waveName)
                .append(" failed its health check: ").append(reason).append("\n\nFerry set these records back to "
                        + "source 100% / target 0% and restored their original TTL:\n");
        records.forEach(record -> body.append("- ").append(record).append('\n'));
        body.append("\nThe wave stops before finalizing: the source servers still run and serve the traffic, and the "
                + "cutover instances stay for you to examine.\n");
        return new Notification("Ferry wave " + waveName + ": DNS switch rolled back", body.toString());
    }
}
