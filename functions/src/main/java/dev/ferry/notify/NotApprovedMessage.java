package dev.ferry.notify;

import dev.ferry.server.ServerRecord;

import java.util.List;

import static dev.ferry.notify.Wording.servers;

/** The message that a wave's cutover was not approved and what became of its servers. */
public final class NotApprovedMessage {

    private NotApprovedMessage() {
    }

    /**
     * @param waveName the wave
     * @param reason   why (who rejected it and their comment, or how long the approval waited)
     * @param leftOut  the servers the wave leaves out
     */
    public static Notification of(String waveName, String reason, List<ServerRecord> leftOut) {
        TextTable table = new TextTable("Server", "Source server", "Test instance (terminated)");
        for (ServerRecord server : leftOut) {
            table.row(server.label(), server.sourceServerId(),
                    server.test() == null ? null : server.test().instanceId());
        }
        String body = "The cutover of wave " + waveName + " was not approved: " + reason + ".\n\n"
                + "No server was cut over. Ferry put the " + servers(leftOut.size())
                + " below back to READY_FOR_TEST and terminated their test instances; they keep replicating"
                + " and can join a later wave.\n\n"
                + table.render();
        return new Notification("Ferry wave " + waveName + ": cutover not approved", body);
    }
}
