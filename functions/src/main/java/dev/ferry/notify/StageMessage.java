package dev.ferry.notify;

import dev.ferry.server.ServerRecord;

import java.util.List;

import static dev.ferry.notify.Wording.servers;

/**
 * The short message that a stage of a wave has ended, sent when the wave's notifications are
 * {@code EVERY_STAGE}. It names the servers with a problem, as far as a chat message should.
 */
public final class StageMessage {

    /** A chat message is read at a glance: more problems than this are counted, not listed. */
    static final int MAX_LISTED = 20;

    private StageMessage() {
    }

    /**
     * @param waveName the wave
     * @param stage    the stage that ended, as the state machine names it
     * @param summary  the counts in words, e.g. "6 active, 0 cut over, 0 failed, 0 left out"
     * @param problems the servers that failed or were left out so far
     */
    public static Notification of(String waveName, String stage, int total, String summary,
                                  List<ServerRecord> problems) {
        StringBuilder body = new StringBuilder("Stage ").append(stage).append(" of wave ").append(waveName)
                .append(" has ended. ").append(capitalised(servers(total))).append(": ").append(summary).append('.');
        if (!problems.isEmpty()) {
            TextTable table = new TextTable("Server", "Source server", "Status", "Stage", "Why");
            problems.stream().limit(MAX_LISTED).forEach(server -> table.row(server.label(), server.sourceServerId(),
                    server.status().name(), server.stage().name(),
                    server.failure() == null ? null : server.failure().reason()));
            body.append("\n\n").append(table.render());
            if (problems.size() > MAX_LISTED) {
                body.append("\n... and ").append(problems.size() - MAX_LISTED).append(" more in the wave's report.");
            }
        }
        return new Notification("Ferry wave " + waveName + ": " + stage + " done", body.toString());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
